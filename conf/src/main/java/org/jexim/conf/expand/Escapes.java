package org.jexim.conf.expand;

/** Exim's string_interpret_escape() and string_dequote(). */
public final class Escapes {
    private Escapes() {
    }

    private static boolean octal(char c) {
        return c >= '0' && c <= '7';
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /**
     * Interprets the escape whose backslash is at {@code p}; appends the character and returns
     * the index of the last character used. A backslash at the end stands for itself.
     */
    public static int interpret(String s, int p, StringBuilder out) {
        if (p + 1 >= s.length()) {
            out.append('\\');
            return p;
        }
        int i = p + 1;
        char ch = s.charAt(i);
        int v;
        if (octal(ch)) {
            v = ch - '0';
            if (i + 1 < s.length() && octal(s.charAt(i + 1))) {
                v = v * 8 + s.charAt(++i) - '0';
                if (i + 1 < s.length() && octal(s.charAt(i + 1))) {
                    v = v * 8 + s.charAt(++i) - '0';
                }
            }
            v &= 0xff;
        } else {
            switch (ch) {
                case 'b' -> v = '\b';
                case 'f' -> v = '\f';
                case 'n' -> v = '\n';
                case 'r' -> v = '\r';
                case 't' -> v = '\t';
                case 'v' -> v = 0x0b;
                case 'x' -> {
                    v = 0;
                    if (i + 1 < s.length() && hex(s.charAt(i + 1)) >= 0) {
                        v = hex(s.charAt(++i));
                        if (i + 1 < s.length() && hex(s.charAt(i + 1)) >= 0) {
                            v = v * 16 + hex(s.charAt(++i));
                        }
                    }
                }
                default -> v = ch;
            }
        }
        out.append((char) v); // a character above 0xff after a backslash stands for itself
        return i;
    }

    /**
     * string_dequote() from {@code pos[0]}: a quoted string (escapes interpreted) or a word up
     * to white space; {@code pos[0]} is left after it.
     */
    public static String dequote(String s, int[] pos) {
        int p = pos[0];
        StringBuilder t = new StringBuilder();
        if (p < s.length() && s.charAt(p) == '"') {
            p++;
            while (p < s.length() && s.charAt(p) != '"') {
                if (s.charAt(p) == '\\') {
                    p = interpret(s, p, t);
                } else {
                    t.append(s.charAt(p));
                }
                p++;
            }
            if (p < s.length()) {
                p++;
            }
        } else {
            while (p < s.length() && !ExpansionParser.isSpace(s.charAt(p))) {
                t.append(s.charAt(p++));
            }
        }
        pos[0] = p;
        return t.toString();
    }
}
