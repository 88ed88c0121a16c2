package org.jexim.conf.reader;

/** The C library's character classes in the "C" locale, which Exim's reader relies on. */
final class Ascii {
    private Ascii() {
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }

    static boolean isUpper(int c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isAlpha(int c) {
        return isUpper(c) || c >= 'a' && c <= 'z';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlnum(int c) {
        return isAlpha(c) || isDigit(c);
    }

    /** Letters, digits and underscore: the characters of option, driver and macro names. */
    static boolean isNameChar(int c) {
        return isAlnum(c) || c == '_';
    }

    static boolean isGraph(int c) {
        return c > ' ' && c < 0x7f;
    }

    static boolean isPunct(int c) {
        return isGraph(c) && !isAlnum(c);
    }

    static boolean isCntrl(int c) {
        return c < ' ' || c == 0x7f;
    }

    /** The character at {@code i}, or 0 past the end, as C strings read. */
    static char at(CharSequence s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    static int skipSpace(CharSequence s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static String stripTrailingSpace(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
