package org.jexim.conf.lists;

import java.util.ArrayList;
import java.util.List;

/**
 * Exim's list syntax (string_nextinlist): items separated by ':' or by the character given in
 * a leading {@code <c}, a doubled separator standing for itself, white space trimmed.
 */
public final class ExiList {
    /** Separator value meaning "the whole string is one item". */
    public static final int SINGLE_ITEM = 256;

    private final String s;
    private int pos;
    private int sep;

    /** {@code sep}: 0 for ':' with {@code <} changes allowed, negative for another default, positive for fixed. */
    public ExiList(String list, int sep) {
        this.s = list == null ? "" : list;
        this.sep = sep;
    }

    public static ExiList of(String list) {
        return new ExiList(list, 0);
    }

    /** All items of a ':' list. */
    public static List<String> items(String list) {
        return items(list, 0);
    }

    public static List<String> items(String list, int sep) {
        ExiList l = new ExiList(list, sep);
        List<String> out = new ArrayList<>();
        for (String item; (item = l.next()) != null; ) {
            out.add(item);
        }
        return out;
    }

    /** The separator in use (known after the first call of {@link #next}). */
    public int separator() {
        return sep;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    private static boolean isPunct(char c) {
        return c > 32 && c < 127 && !Character.isLetterOrDigit(c);
    }

    private static boolean isCntrl(int c) {
        return c < 32 || c == 127;
    }

    private char at(int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    /** The next item, or null at the end. */
    public String next() {
        while (pos < s.length() && isSpace(s.charAt(pos)) && s.charAt(pos) != sep) {
            pos++;
        }
        if (sep <= 0) {
            if (at(pos) == '<' && (isPunct(at(pos + 1)) || (pos + 1 < s.length() && isCntrl(at(pos + 1))))) {
                sep = at(pos + 1);
                pos++;
                if (pos < s.length()) {
                    pos++;
                }
                while (pos < s.length() && isSpace(s.charAt(pos)) && s.charAt(pos) != sep) {
                    pos++;
                }
            } else {
                sep = sep != 0 ? -sep : ':';
            }
        }
        if (pos >= s.length()) {
            return null;
        }
        boolean special = isCntrl(sep);
        if (s.charAt(pos) == sep) {
            pos++;
            if (at(pos) != sep || special || pos >= s.length()) {
                return "";
            }
        }
        StringBuilder g = new StringBuilder();
        while (true) {
            int ss = pos + 1;
            while (ss < s.length() && s.charAt(ss) != sep) {
                ss++;
            }
            g.append(s, pos, ss);
            pos = ss;
            if (pos >= s.length()) {
                break;
            }
            pos++;
            if (at(pos) != sep || special || pos >= s.length()) {
                break;
            }
        }
        int n = g.length();
        while (n > 0 && isSpace(g.charAt(n - 1)) && (n == 1 || g.charAt(n - 2) != '\\')) {
            n--;
        }
        g.setLength(n);
        return g.toString();
    }
}
