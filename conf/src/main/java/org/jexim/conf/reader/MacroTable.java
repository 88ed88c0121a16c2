package org.jexim.conf.reader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.SourceLocation;

/**
 * The macros in force while a configure file is read, in Exim's order: the predefined ones
 * first, then the user's (those from -D first, then the file's in definition order). Replacement
 * scans the macros in that order, each over the whole rest of the line, so a macro's
 * replacement may contain later-defined macros but not the one being replaced.
 */
public final class MacroTable {
    /** Exim keeps macro names in a 64-byte buffer. */
    static final int MAX_NAME = 63;

    private static final class Macro {
        final String name;
        String value;
        final boolean commandLine;

        Macro(String name, String value, boolean commandLine) {
            this.name = name;
            this.value = value;
            this.commandLine = commandLine;
        }
    }

    private final List<Macro> builtin = new ArrayList<>();
    private final List<Macro> user = new ArrayList<>();

    /** A table with the given predefined macros and the -D macros of the command line. */
    public MacroTable(Map<String, String> predefined, Map<String, String> commandLine) {
        predefined.forEach((n, v) -> builtin.add(new Macro(n, v, false)));
        commandLine.forEach((n, v) -> user.add(new Macro(n, v, true)));
    }

    /** The result of replacing macros in one physical line. */
    record Expansion(String line, boolean found) {
    }

    /**
     * Replaces macros in a physical line as Exim's macros_expand() does. At the start of a
     * logical line, the name of a macro definition ({@code NAME =}) is left alone.
     */
    Expansion expand(String line, boolean logicalLineStart) {
        StringBuilder b = new StringBuilder(line);
        int ss = Ascii.skipSpace(b, 0);
        int s = ss;
        if (logicalLineStart && Ascii.isUpper(Ascii.at(b, s))) {
            int t = s;
            while (Ascii.isNameChar(Ascii.at(b, t))) {
                t++;
            }
            t = Ascii.skipSpace(b, t);
            s = Ascii.at(b, t) == '=' ? t : ss;
        }
        s = skipNonCandidates(b, s);
        boolean found = false;
        if (s < b.length()) {
            List<Macro> scan = new ArrayList<>();
            if (b.charAt(s) == '_') {
                scan.addAll(builtin);
            }
            scan.addAll(user);
            for (Macro m : scan) {
                s = skipNonCandidates(b, s);
                if (s >= b.length()) {
                    break;
                }
                int t = s;
                int p;
                while ((p = b.indexOf(m.name, t)) >= 0) {
                    b.replace(p, p + m.name.length(), m.value);
                    t = skipNonCandidates(b, p + m.value.length());
                    found = true;
                }
            }
        }
        return new Expansion(b.toString(), found);
    }

    private static int skipNonCandidates(CharSequence b, int i) {
        while (i < b.length()) {
            char c = b.charAt(i);
            if (Ascii.isUpper(c) || c == '_' && Ascii.isUpper(Ascii.at(b, i + 1))) {
                break;
            }
            i++;
        }
        return i;
    }

    /** Handles a definition line ({@code NAME = value} or {@code NAME == value}) as Exim's macro_read_assignment(). */
    void define(String line, SourceLocation where) throws ConfigurationException {
        int i = 0;
        StringBuilder name = new StringBuilder();
        while (Ascii.isNameChar(Ascii.at(line, i))) {
            if (name.length() >= MAX_NAME) {
                throw new ConfigurationException(where, "macro name too long (maximum is " + MAX_NAME + " characters)");
            }
            name.append(line.charAt(i++));
        }
        i = Ascii.skipSpace(line, i);
        if (Ascii.at(line, i++) != '=') {
            throw new ConfigurationException(where, "malformed macro definition");
        }
        boolean redefine = false;
        if (Ascii.at(line, i) == '=') {
            redefine = true;
            i++;
        }
        i = Ascii.skipSpace(line, i);
        String value = i < line.length() ? line.substring(i) : "";
        String n = name.toString();
        Macro existing = null;
        for (Macro m : all()) {
            if (m.name.equals(n)) {
                if (!m.commandLine && !redefine) {
                    throw new ConfigurationException(null, "macro \"" + n
                            + "\" is already defined (use \"==\" if you want to redefine it)");
                }
                existing = m;
                break;
            }
            if (m.name.length() < n.length() && n.contains(m.name)) {
                throw new ConfigurationException(null, "\"" + n + "\" cannot be defined as a macro because "
                        + "previously defined macro \"" + m.name + "\" is a substring");
            }
        }
        if (existing != null && existing.commandLine) {
            return;
        }
        if (redefine) {
            if (existing == null) {
                throw new ConfigurationException(null, "can't redefine an undefined macro \"" + n + "\"");
            }
            existing.value = value;
        } else {
            user.add(new Macro(n, value, false));
        }
    }

    private List<Macro> all() {
        List<Macro> all = new ArrayList<>(builtin);
        all.addAll(user);
        return all;
    }

    /** The user's macros (from -D and from the file), in definition order, with their final values. */
    public Map<String, String> userMacros() {
        Map<String, String> out = new LinkedHashMap<>();
        user.forEach(m -> out.put(m.name, m.value));
        return Collections.unmodifiableMap(out);
    }
}
