package org.jexim.conf.expand.be;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.ExpansionException;

/**
 * The {@code -be} loop, as Exim's expansion_test_line() and get_stdinput() run it: macros
 * substituted, "NAME = value" lines define macros, each result or "Failed: message" on its
 * own line; from standard input with the "> " prompt, '\' continuing a line.
 */
public final class BeSession {
    /** Exim refuses -be arguments longer than this (EXIM_EMAILADDR_MAX). */
    static final int ARG_MAX = 256;
    /** Exim's big_buffer: longer lines are cut. */
    static final int LINE_MAX = 16383;

    private final ExpansionContext context;
    private final Map<String, String> macros;
    private final PrintStream out;
    private final PrintStream err;

    /** {@code macros}: configuration and -D macros, in definition order; -be may add more. */
    public BeSession(ExpansionContext context, Map<String, String> macros, PrintStream out, PrintStream err) {
        this.context = context;
        this.macros = new LinkedHashMap<>(macros);
        this.out = out;
        this.err = err;
    }

    /** Expands each argument; false when one was refused (too long), as Exim then exits. */
    public boolean runArguments(List<String> args) {
        for (String a : args) {
            if (a.length() > ARG_MAX) {
                err.println("exim: length limit exceeded (" + a.length() + " > " + ARG_MAX + ") for: recipient");
                out.flush();
                return false;
            }
            line(a);
        }
        out.flush();
        return true;
    }

    /** Reads lines from {@code in} with the "> " prompt until end of input. */
    public void runInput(InputStream in) throws IOException {
        LineReader r = new LineReader(in);
        while (true) {
            out.print("> ");
            out.flush();
            StringBuilder g = null;
            boolean hadInput = false;
            for (int i = 0;; i++) {
                String chunk = r.fgets(1024);
                if (chunk == null) {
                    break;
                }
                hadInput = true;
                int end = chunk.length();
                while (end > 0 && isSpace(chunk.charAt(end - 1))) {
                    end--;
                }
                int start = 0;
                if (i > 0) {
                    while (start < end && isSpace(chunk.charAt(start))) {
                        start++;
                    }
                }
                if (g == null) {
                    g = new StringBuilder();
                }
                g.append(chunk, start, end);
                if (end == start || g.length() == 0 || g.charAt(g.length() - 1) != '\\') {
                    break;
                }
                g.setLength(g.length() - 1);
            }
            if (!hadInput) {
                out.print("\n");
                out.flush();
                return;
            }
            line(g == null ? "" : g.toString());
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /** One line: macro substitution, macro definition, or expansion. */
    void line(String raw) {
        String line = raw.length() > LINE_MAX ? raw.substring(0, LINE_MAX) : raw;
        line = substituteMacros(line);
        if (!line.isEmpty() && line.charAt(0) >= 'A' && line.charAt(0) <= 'Z') {
            defineMacro(line);
            return;
        }
        try {
            String r = Expander.parseLenient(line).evaluate(context);
            // Exim's strings end at a NUL (an escape like \0 can put one there)
            int nul = r.indexOf('\0');
            out.print(nul >= 0 ? r.substring(0, nul) : r);
            out.print("\n");
        } catch (ExpansionException e) {
            out.print("Failed: " + e.getMessage() + "\n");
        } catch (RuntimeException | StackOverflowError e) {
            out.print("Failed: internal error: " + e + "\n");
        }
        out.flush();
    }

    private void defineMacro(String line) {
        int i = 0;
        while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
            i++;
        }
        String name = line.substring(0, i);
        int j = i;
        while (j < line.length() && isSpace(line.charAt(j))) {
            j++;
        }
        boolean redefine = line.startsWith("==", j);
        if (j >= line.length() || line.charAt(j) != '=') {
            err.println("Exim configuration error:\n  malformed macro definition");
            return;
        }
        j += redefine ? 2 : 1;
        if (macros.containsKey(name) && !redefine) {
            err.println("Exim configuration error:\n  macro \"" + name
                    + "\" is already defined (use \"==\" if you want to redefine it)");
            return;
        }
        while (j < line.length() && isSpace(line.charAt(j))) {
            j++;
        }
        macros.put(name, line.substring(j));
        out.print("Defined macro '" + name + "'\n");
        out.flush();
    }

    /** Exim's macros_expand(): every occurrence of each macro name, in definition order. */
    String substituteMacros(String line) {
        if (macros.isEmpty()) {
            return line;
        }
        int s = 0;
        while (s < line.length() && isSpace(line.charAt(s))) {
            s++;
        }
        int from = s;
        if (from < line.length() && Character.isUpperCase(line.charAt(from))) {
            int k = from;
            while (k < line.length() && (Character.isLetterOrDigit(line.charAt(k)) || line.charAt(k) == '_')) {
                k++;
            }
            while (k < line.length() && isSpace(line.charAt(k))) {
                k++;
            }
            if (k < line.length() && line.charAt(k) == '=') {
                from = k;
            }
        }
        StringBuilder b = new StringBuilder(line);
        for (Map.Entry<String, String> m : macros.entrySet()) {
            String name = m.getKey();
            int t = b.indexOf(name, from);
            while (t >= 0) {
                b.replace(t, t + name.length(), m.getValue());
                t = b.indexOf(name, t + m.getValue().length());
            }
        }
        return b.toString();
    }

    /** fgets() over bytes, as Latin-1 characters. */
    private static final class LineReader {
        private final InputStream in;

        LineReader(InputStream in) {
            this.in = in;
        }

        String fgets(int size) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (b.size() < size - 1) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                b.write(c);
                if (c == '\n') {
                    break;
                }
            }
            if (b.size() == 0) {
                return null;
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
