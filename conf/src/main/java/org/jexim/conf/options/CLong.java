package org.jexim.conf.options;

/** C's strtol, which Exim uses for integer options: where the number ends and whether it overflowed a long. */
final class CLong {
    final long value;
    /** Index just after the number; 0 when no number was found (strtol's endptr == s). */
    final int end;
    final boolean overflow;

    private CLong(long value, int end, boolean overflow) {
        this.value = value;
        this.end = end;
        this.overflow = overflow;
    }

    /** base 0 reads 0x hex and leading-0 octal, as strtol does. */
    static CLong strtol(String s, int from, int base) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if ((base == 0 || base == 16) && i + 1 < s.length() && s.charAt(i) == '0'
                && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
            base = 16;
        } else if (base == 0) {
            base = i < s.length() && s.charAt(i) == '0' ? 8 : 10;
        }
        int start = i;
        long v = 0;
        boolean overflow = false;
        while (i < s.length()) {
            int d = s.charAt(i) < 128 ? Character.digit(s.charAt(i), base) : -1;
            if (d < 0) {
                break;
            }
            if (!overflow) {
                if (v > (Long.MAX_VALUE - d) / base) {
                    overflow = true;
                } else {
                    v = v * base + d;
                }
            }
            i++;
        }
        if (i == start) {
            return new CLong(0, from, false);
        }
        if (overflow) {
            return new CLong(negative ? Long.MIN_VALUE : Long.MAX_VALUE, i, true);
        }
        return new CLong(negative ? -v : v, i, false);
    }
}
