package org.jexim.conf.options;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the tab-separated option data files in this package's resources (one per scope:
 * name, type, expanded, hidden, repeat, same-as, default). The files were derived from Exim
 * 4.96's option tables and checked against the output of {@code exim4 -bP}.
 */
final class OptionTableLoader {
    private OptionTableLoader() {
    }

    static OptionTable load(String scope, String resource) {
        List<OptionDef> defs = new ArrayList<>();
        for (String[] f : rows(resource, 7)) {
            defs.add(new OptionDef(f[0], OptionType.valueOf(f[1]), f[2].equals("yes"), unescape(f[6]),
                    f[3].equals("hidden"), OptionDef.Repeat.valueOf(f[4].toUpperCase(java.util.Locale.ROOT)),
                    f[5].equals("-") ? List.of() : Arrays.asList(f[5].split(","))));
        }
        return new OptionTable(scope, defs);
    }

    /** The non-comment lines of a resource, split on tabs, each with exactly {@code columns} fields. */
    static List<String[]> rows(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = OptionTableLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing option data " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != columns) {
                    throw new IllegalStateException(resource + ": bad line " + line);
                }
                rows.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** "\N" is unset; "\\" and "\t" are a backslash and a tab. */
    private static String unescape(String s) {
        if (s.equals("\\N")) {
            return null;
        }
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
