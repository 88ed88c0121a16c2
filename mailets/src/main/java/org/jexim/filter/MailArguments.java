package org.jexim.filter;

import java.io.PrintStream;
import java.util.Map;
import org.jexim.conf.expand.Printing;

/** The expanded arguments of mail and vacation: Exim's checks on their characters, and how -bf shows them. */
final class MailArguments {
    private static final int HEADERS = FilterParser.MAIL_ARGS.indexOf("extra_headers");
    private static final int TEXT = FilterParser.MAIL_ARGS.indexOf("text");

    private MailArguments() {
    }

    /** Header arguments may hold newlines only before white space; file names only printing characters. */
    static void check(Map<String, String> args, String command) throws FilterException {
        for (int i = 0; i < FilterParser.MAIL_ARGS.size(); i++) {
            String s = args.get(FilterParser.MAIL_ARGS.get(i));
            if (s == null || i == TEXT) {
                continue;
            }
            for (int p = 0; p < s.length(); p++) {
                char c = s.charAt(p);
                if (i > TEXT) {
                    if ((c < 32 || c >= 127) && c != '\t') {
                        throw new FilterException("non-printing character in \"" + Printing.printing(s) + "\" in "
                                + command + " command");
                    }
                } else if (c == '\n' && !(p + 1 < s.length() && FilterLexer.isSpace(s.charAt(p + 1)))) {
                    if (i < HEADERS) {
                        throw new FilterException("\\n not followed by space in \"" + cut(Printing.printing(s))
                                + "\" in " + command + " command");
                    }
                    int pp = p + 1;
                    while (true) {
                        char d = pp < s.length() ? s.charAt(pp) : 0;
                        if (d == ':' && pp != p + 1) {
                            break;
                        }
                        if (d == 0 || d == ':' || FilterLexer.isSpace(d)) {
                            throw new FilterException("\\n not followed by space or valid header name in \""
                                    + cut(Printing.printing(s)) + "\" in " + command + " command");
                        }
                        pp++;
                    }
                    p = pp;
                }
            }
        }
    }

    private static String cut(String s) {
        return s.length() > 1024 ? s.substring(0, 1024) : s;
    }

    /** What -bf prints for a mail or vacation command. */
    static void print(PrintStream out, String indent, FilterCommand.Mail m, Map<String, String> args) {
        String to = args.get("to");
        out.print(indent + (m.seen() ? "Seen m" : "M") + "ail to: " + (to == null ? "<default>" : to)
                + (m.vacation() ? " (vacation)" : "") + (m.noerror() ? " (noerror)" : "") + "\n");
        for (String name : FilterParser.MAIL_ARGS.subList(1, FilterParser.MAIL_ARGS.size())) {
            String v = args.get(name);
            if (v != null) {
                out.print(" ".repeat(Math.max(0, 7 - name.length())) + name + ": " + Printing.printing(v)
                        + (m.expandFile() && name.equals("file") ? " (expanded)" : "") + "\n");
            }
        }
        if (m.returnMessage()) {
            out.print("Return original message\n");
        }
    }
}
