package org.jexim.conf.reader;

/**
 * Exim's string_dequote(): a word up to white space, or a double-quoted string with backslash
 * escapes; {@link #end} is where reading stopped.
 */
record Quoted(String value, int end) {

    static Quoted read(String s, int start) {
        StringBuilder out = new StringBuilder();
        int i = start;
        if (Ascii.at(s, i) != '"') {
            while (i < s.length() && !Ascii.isSpace(s.charAt(i))) {
                out.append(s.charAt(i++));
            }
            return new Quoted(out.toString(), i);
        }
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
            if (s.charAt(i) == '\\') {
                int[] next = new int[1];
                out.append((char) escape(s, i, next));
                i = next[0];
            } else {
                out.append(s.charAt(i));
            }
            i++;
        }
        if (i < s.length()) {
            i++;
        }
        return new Quoted(out.toString(), i);
    }

    /**
     * string_interpret_escape(): the character a backslash at {@code at} stands for; {@code next[0]}
     * receives the index of the last character of the escape.
     */
    static int escape(String s, int at, int[] next) {
        int p = at + 1;
        int ch = Ascii.at(s, p);
        if (ch == 0) {
            next[0] = at;
            return '\\';
        }
        if (ch >= '0' && ch <= '7') {
            ch -= '0';
            if (Ascii.at(s, p + 1) >= '0' && Ascii.at(s, p + 1) <= '7') {
                ch = ch * 8 + s.charAt(++p) - '0';
                if (Ascii.at(s, p + 1) >= '0' && Ascii.at(s, p + 1) <= '7') {
                    ch = ch * 8 + s.charAt(++p) - '0';
                }
            }
        } else {
            switch (ch) {
                case 'b' -> ch = '\b';
                case 'f' -> ch = '\f';
                case 'n' -> ch = '\n';
                case 'r' -> ch = '\r';
                case 't' -> ch = '\t';
                case 'v' -> ch = 0x0b;
                case 'x' -> {
                    ch = 0;
                    for (int k = 0; k < 2 && Character.digit(Ascii.at(s, p + 1), 16) >= 0; k++) {
                        ch = ch * 16 + Character.digit(s.charAt(++p), 16);
                    }
                }
                default -> {
                }
            }
        }
        next[0] = p;
        return ch & 0xff;
    }
}
