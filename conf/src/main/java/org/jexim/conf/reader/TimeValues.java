package org.jexim.conf.reader;

/** Exim's readconf_readtime() and readconf_readfixed(). */
final class TimeValues {
    private TimeValues() {
    }

    /**
     * A time such as {@code 2d4h30m} in seconds, which must end where {@code terminator} is (0
     * for the end of the text); -1 when malformed.
     */
    static long seconds(String s, int from, int to) {
        long total = 0;
        int i = from;
        for (;;) {
            if (i >= to || !Ascii.isDigit(s.charAt(i))) {
                return -1;
            }
            long value = 0;
            while (i < to && Ascii.isDigit(s.charAt(i))) {
                value = value * 10 + s.charAt(i++) - '0';
            }
            char unit = i < to ? s.charAt(i) : 0;
            switch (unit) {
                case 'w' -> value *= 7 * 24 * 3600;
                case 'd' -> value *= 24 * 3600;
                case 'h' -> value *= 3600;
                case 'm' -> value *= 60;
                case 's' -> {
                }
                default -> {
                    return -1;
                }
            }
            i++;
            total += value;
            if (i >= to) {
                return total;
            }
        }
    }

    /** A whole string as a time value, or -1. */
    static long seconds(String s) {
        return seconds(s, 0, s.length());
    }

    /** A fixed-point number such as {@code 1.5}, times 1000, which must fill the range; -1 when malformed. */
    static long fixed(String s, int from, int to) {
        int i = from;
        if (i >= to || !Ascii.isDigit(s.charAt(i))) {
            return -1;
        }
        long value = 0;
        while (i < to && Ascii.isDigit(s.charAt(i))) {
            value = value * 10 + s.charAt(i++) - '0';
        }
        value *= 1000;
        if (i < to && s.charAt(i) == '.') {
            int m = 100;
            i++;
            while (i < to && Ascii.isDigit(s.charAt(i))) {
                value += (long) (s.charAt(i++) - '0') * m;
                m /= 10;
            }
        }
        return i == to ? value : -1;
    }
}
