package org.jexim.conf.expand;

/** Exim's string_printing2(): non-printing characters (and tabs) as C escapes or octal. */
public final class Printing {
    private Printing() {
    }

    /** With SP_TAB: tabs escaped too. */
    public static String printing2(String s) {
        return escape(s, true);
    }

    /** string_printing(): tabs left alone. */
    public static String printing(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean tab) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean print = (c >= 32 && c < 127 || c == '\t') && !(tab && c == '\t');
            if (print) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s.substring(0, i));
            }
            b.append('\\');
            switch (c) {
                case '\n' -> b.append('n');
                case '\r' -> b.append('r');
                case '\b' -> b.append('b');
                case 0x0b -> b.append('v');
                case '\f' -> b.append('f');
                case '\t' -> b.append('t');
                default -> b.append(String.format("%03o", (int) c & 0xff));
            }
        }
        return b == null ? s : b.toString();
    }
}
