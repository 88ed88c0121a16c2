package org.jexim.conf.expand.be;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jexim.conf.lists.NamedLists;
import org.jexim.conf.model.ListKind;

/**
 * What -be needs from a configure file (main options, named lists, macros), read leniently:
 * comments, continuation lines, macro definitions and substitution, the main section only.
 * Used when the full configuration reader is not available or refuses the file.
 */
public final class BeConfig {
    public final Map<String, String> macros = new LinkedHashMap<>();
    public final Map<String, String> options = new LinkedHashMap<>();
    public final Map<ListKind, Map<String, String>> lists = new EnumMap<>(ListKind.class);

    /** Reads {@code file}; {@code defines} (-D) take precedence over the file's macros. */
    public static BeConfig read(Path file, Map<String, String> defines) throws IOException {
        BeConfig c = new BeConfig();
        c.macros.putAll(defines);
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        StringBuilder logical = new StringBuilder();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (logical.length() > 0) {
                logical.append(line);
            } else {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                logical.append(line);
            }
            if (logical.length() > 0 && logical.charAt(logical.length() - 1) == '\\') {
                logical.setLength(logical.length() - 1);
                continue;
            }
            String l = logical.toString();
            logical.setLength(0);
            if (!c.line(l)) {
                break;
            }
        }
        return c;
    }

    /** Handles one logical line of the main section; false at the first "begin". */
    private boolean line(String l) {
        if (l.startsWith("begin ") || l.equals("begin")) {
            return false;
        }
        if (l.startsWith(".")) {
            return true;
        }
        if (Character.isUpperCase(l.charAt(0))) {
            int i = 0;
            while (i < l.length() && (Character.isLetterOrDigit(l.charAt(i)) || l.charAt(i) == '_')) {
                i++;
            }
            String name = l.substring(0, i);
            String rest = l.substring(i).strip();
            if (rest.startsWith("==")) {
                macros.put(name, rest.substring(2).strip());
            } else if (rest.startsWith("=")) {
                macros.putIfAbsent(name, rest.substring(1).strip());
            }
            return true;
        }
        l = substitute(l);
        String[] words = l.split("\\s+", 3);
        for (ListKind k : ListKind.values()) {
            if (words[0].equals(k.keyword())) {
                String rest = l.substring(words[0].length()).strip();
                if (rest.startsWith("hide ")) {
                    rest = rest.substring(5).strip();
                }
                int eq = rest.indexOf('=');
                if (eq > 0) {
                    lists.computeIfAbsent(k, x -> new LinkedHashMap<>())
                            .put(rest.substring(0, eq).strip(), rest.substring(eq + 1).strip());
                }
                return true;
            }
        }
        String rest = l.startsWith("hide ") ? l.substring(5).strip() : l;
        int eq = rest.indexOf('=');
        if (eq > 0) {
            options.put(rest.substring(0, eq).strip(), rest.substring(eq + 1).strip());
        } else if (rest.matches("[a-z0-9_]+")) {
            // a boolean option set by its name alone, or unset with no_ / not_
            String name = rest.replaceFirst("^(no|not)_", "");
            options.put(name, name.equals(rest) ? "true" : "false");
        }
        return true;
    }

    private String substitute(String l) {
        String r = l;
        for (Map.Entry<String, String> m : macros.entrySet()) {
            r = r.replace(m.getKey(), m.getValue());
        }
        return r;
    }

    public NamedLists namedLists() {
        return NamedLists.of(lists);
    }
}
