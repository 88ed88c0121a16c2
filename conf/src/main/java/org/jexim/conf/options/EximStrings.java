package org.jexim.conf.options;

/** Exim's double-quoted strings in the configure file: string_dequote and its backslash escapes. */
public final class EximStrings {
    private EximStrings() {
    }

    /** The unquoted value and the index just after what was consumed. */
    public record Dequoted(String value, int end) {
    }

    /**
     * Reads a quoted string starting at {@code from} (at a double quote), or, when there is no
     * quote, a word up to white space.
     */
    public static Dequoted dequote(String s, int from) {
        StringBuilder b = new StringBuilder();
        int i = from;
        if (i >= s.length() || s.charAt(i) != '"') {
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                b.append(s.charAt(i++));
            }
            return new Dequoted(b.toString(), i);
        }
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
            if (s.charAt(i) == '\\') {
                int[] at = {i};
                b.append((char) escape(s, at));
                i = at[0];
            } else {
                b.append(s.charAt(i));
            }
            i++;
        }
        if (i < s.length()) {
            i++;
        }
        return new Dequoted(b.toString(), i);
    }

    /**
     * Exim's string_interpret_escape: {@code at[0]} is at the backslash; on return it is at the
     * last character of the escape. Returns the character meant.
     */
    public static int escape(String s, int[] at) {
        int p = at[0];
        if (p + 1 >= s.length()) {
            return s.charAt(p);
        }
        char ch = s.charAt(++p);
        int out;
        if (ch >= '0' && ch <= '7') {
            out = ch - '0';
            if (p + 1 < s.length() && isOctal(s.charAt(p + 1))) {
                out = out * 8 + s.charAt(++p) - '0';
                if (p + 1 < s.length() && isOctal(s.charAt(p + 1))) {
                    out = out * 8 + s.charAt(++p) - '0';
                }
            }
        } else {
            switch (ch) {
                case 'b' -> out = '\b';
                case 'f' -> out = '\f';
                case 'n' -> out = '\n';
                case 'r' -> out = '\r';
                case 't' -> out = '\t';
                case 'v' -> out = 0x0b;
                case 'x' -> {
                    out = 0;
                    if (p + 1 < s.length() && Character.digit(s.charAt(p + 1), 16) >= 0) {
                        out = Character.digit(s.charAt(++p), 16);
                        if (p + 1 < s.length() && Character.digit(s.charAt(p + 1), 16) >= 0) {
                            out = out * 16 + Character.digit(s.charAt(++p), 16);
                        }
                    }
                }
                default -> out = ch;
            }
        }
        at[0] = p;
        return out & 0xff;
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }
}
