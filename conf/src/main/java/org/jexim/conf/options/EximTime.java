package org.jexim.conf.options;

/** Exim's time values ({@code 2d4h30m}): reading as readconf_readtime does, printing as readconf_printtime does. */
public final class EximTime {
    private EximTime() {
    }

    /** The seconds of a whole time value, or -1 when it is not one. */
    public static int read(String s) {
        return read(s, 0, s.length(), '\0');
    }

    /**
     * Reads a time value starting at {@code from}; it must end at {@code end} or at the first
     * {@code terminator} character. Arithmetic is in 32-bit ints, as Exim's. Returns -1 on error.
     */
    static int read(String s, int from, int end, char terminator) {
        int yield = 0;
        int i = from;
        for (;;) {
            if (i >= end || !isDigit(s.charAt(i))) {
                return -1;
            }
            int value = 0;
            while (i < end && isDigit(s.charAt(i))) {
                value = value * 10 + (s.charAt(i++) - '0');
            }
            char unit = i < end ? s.charAt(i) : '\0';
            switch (unit) {
                case 'w':
                    value *= 7 * 24 * 60 * 60;
                    break;
                case 'd':
                    value *= 24 * 60 * 60;
                    break;
                case 'h':
                    value *= 60 * 60;
                    break;
                case 'm':
                    value *= 60;
                    break;
                case 's':
                    break;
                default:
                    return -1;
            }
            i++;
            yield += value;
            char next = i < end ? s.charAt(i) : '\0';
            if (next == terminator) {
                return yield;
            }
        }
    }

    /** A number of seconds as Exim prints it: {@code 1w2d3h4m5s}, leaving out zero parts, {@code 0s} for zero. */
    public static String format(long seconds) {
        StringBuilder b = new StringBuilder();
        long t = seconds;
        if (t < 0) {
            b.append('-');
            t = -t;
        }
        long s = t % 60;
        t /= 60;
        long m = t % 60;
        t /= 60;
        long h = t % 24;
        t /= 24;
        long d = t % 7;
        long w = t / 7;
        int start = b.length();
        if (w > 0) {
            b.append(w).append('w');
        }
        if (d > 0) {
            b.append(d).append('d');
        }
        if (h > 0) {
            b.append(h).append('h');
        }
        if (m > 0) {
            b.append(m).append('m');
        }
        if (s > 0 || b.length() == start) {
            b.append(s).append('s');
        }
        return b.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
