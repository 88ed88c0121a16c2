package org.jexim.conf.expand;

/** Exim's expanded_string_integer(): decimal with optional K/M/G, and its error messages. */
public final class Numbers {
    private Numbers() {
    }

    /** Parses as strtoll() does: returns {value, endIndex, overflow(0/1)}; endIndex 0 when no digits. */
    public static long[] strtoll(String s, int from, int radix) {
        int i = from;
        while (i < s.length() && ExpansionParser.isSpace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        if (radix == 16 && i + 1 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
        }
        int start = i;
        // accumulate negatively so that Long.MIN_VALUE is reachable, as strtoll allows
        long v = 0;
        boolean overflow = false;
        long limit = neg ? Long.MIN_VALUE : -Long.MAX_VALUE;
        while (i < s.length()) {
            int d = s.charAt(i) < 128 ? Character.digit(s.charAt(i), radix) : -1;
            if (d < 0) {
                break;
            }
            if (!overflow) {
                if (v < (limit + d) / radix) {
                    overflow = true;
                } else {
                    v = v * radix - d;
                }
            }
            i++;
        }
        if (i == start) {
            return new long[] {0, from, 0};
        }
        if (overflow) {
            v = neg ? Long.MIN_VALUE : Long.MAX_VALUE;
        } else if (!neg) {
            v = -v;
        }
        return new long[] {v, i, overflow ? 1 : 0};
    }

    /** The integer value of an expanded string, with K, M or G suffix; {@code isplus} refuses negatives. */
    public static long integer(String s, boolean isplus) throws ExpansionException {
        String msg;
        if (!s.isEmpty() && ExpansionParser.isSpace(s.charAt(0)) && s.isBlank()) {
            boolean allSpace = true;
            for (char c : s.toCharArray()) {
                allSpace &= ExpansionParser.isSpace(c);
            }
            if (allSpace) {
                return 0;
            }
        }
        long[] r = strtoll(s, 0, 10);
        long value = r[0];
        int end = (int) r[1];
        boolean erange = r[2] == 1;
        if (end == 0) {
            msg = "integer expected but \"%s\" found";
        } else if (value < 0 && isplus) {
            msg = "non-negative integer expected but \"%s\" found";
        } else {
            char c = end < s.length() ? Character.toLowerCase(s.charAt(end)) : 0;
            long mult = c == 'k' ? 1024L : c == 'm' ? 1024L * 1024 : c == 'g' ? 1024L * 1024 * 1024 : 0;
            if (mult != 0) {
                if (value > Long.MAX_VALUE / mult || value < Long.MIN_VALUE / mult) {
                    erange = true;
                } else {
                    value *= mult;
                }
                end++;
            }
            if (erange) {
                msg = "absolute value of integer \"%s\" is too large (overflow)";
            } else {
                while (end < s.length() && ExpansionParser.isSpace(s.charAt(end))) {
                    end++;
                }
                if (end == s.length()) {
                    return value;
                }
                msg = "invalid integer \"%s\"";
            }
        }
        throw new ExpansionException(String.format(msg, s));
    }
}
