package org.jexim.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * -bP config: the configure's logical lines as Exim prints them (readconf.c print_config):
 * runs of white space collapsed, sections and driver or ACL names set off and indented, and,
 * for callers who are not admins, macro definitions and {@code hide} lines masked.
 */
final class PrintConfigText {
    private PrintConfigText() {
    }

    /**
     * Prints {@code saved}, the lines Exim saves while reading: a "# Exim Configuration"
     * heading, "# LINE "FILE"" position lines, and each logical line after macro expansion.
     * {@code terse} is -n.
     */
    static void print(List<String> saved, boolean admin, boolean terse, PrintStream out) {
        int ts = terse ? 0 : 2;
        int indent = 0;
        for (String raw : saved) {
            String current = collapse(raw.stripLeading());
            if (current.isEmpty()) {
                continue;
            }
            if (current.charAt(0) == '#') {
                out.println(current);
            } else if (current.startsWith("begin") && current.length() > 5 && isSpace(current.charAt(5))) {
                if (!terse) {
                    out.println();
                }
                out.println(current);
                indent = ts;
            } else if (current.endsWith(":") && current.indexOf('=') < 0) {
                if (!terse) {
                    out.println();
                }
                out.println(" ".repeat(ts) + current);
                indent = 2 * ts;
            } else if (!admin && (current.charAt(0) >= 'A' && current.charAt(0) <= 'Z'
                    || current.startsWith("hide") && current.length() > 4 && isSpace(current.charAt(4)))) {
                int eq = current.indexOf('=');
                if (eq >= 0) {
                    out.println(" ".repeat(indent) + current.substring(0, eq) + "= " + OptionLinePrinter.HIDDEN);
                } else {
                    // Exim's printf("%*s\n", indent, hidden): the text is wider than the indent, so no indent
                    out.println(OptionLinePrinter.HIDDEN);
                }
            } else {
                out.println(" ".repeat(indent) + current);
            }
        }
    }

    /**
     * Each run of white space becomes one space; the collapsing stops at a quote or a dollar,
     * which may mean careful formatting. As in Exim, the character tested is the one at the
     * old end of the run after the buffer has shifted, not the one that follows the run.
     */
    static String collapse(String s) {
        StringBuilder b = new StringBuilder(s);
        for (int p = 0; p < b.length(); p++) {
            if (!isSpace(b.charAt(p))) {
                continue;
            }
            b.setCharAt(p, ' ');
            int next = p;
            while (next < b.length() && isSpace(b.charAt(next))) {
                next++;
            }
            if (next - p > 1) {
                b.delete(p + 1, next);
            }
            char at = next < b.length() ? b.charAt(next) : '\0';
            if (at == '"' || at == '\'' || at == '$') {
                break;
            }
        }
        return b.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
