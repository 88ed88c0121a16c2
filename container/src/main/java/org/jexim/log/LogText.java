package org.jexim.log;

/** Exim's ways of putting arbitrary text on a log line (string_printing and quoting). */
final class LogText {
    private LogText() {
    }

    /** The text in double quotes, with quotes, backslashes and non-printing characters escaped. */
    static String quoted(String s) {
        return "\"" + escaped(s, true).replace("\"", "\\\"") + "\"";
    }

    /** Non-printing characters as Exim's string_printing() shows them: \n, \t, \ooo (a backslash stays one). */
    static String printable(String s) {
        return escaped(s, false);
    }

    private static String escaped(String s, boolean backslash) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append(backslash ? "\\\\" : "\\");
                default -> {
                    if (c < 32 || c == 127) {
                        sb.append(String.format("\\%03o", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
