package org.jexim.conf.expand.operators;

/** Exim's readconf_readtime() and readconf_printtime(): time intervals such as 1w2d3h4m5s. */
public final class TimeFunctions {
    private TimeFunctions() {
    }

    /** readconf_readtime(): 1w2d3h4m5s style; -1 when malformed. */
    public static int readTime(String s) {
        int yield = 0;
        int i = 0;
        while (true) {
            if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
            int value = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + s.charAt(i++) - '0';
            }
            char c = i < s.length() ? s.charAt(i) : 0;
            switch (c) {
                case 'w':
                    value *= 7;
                    // fall through
                case 'd':
                    value *= 24;
                    // fall through
                case 'h':
                    value *= 60;
                    // fall through
                case 'm':
                    value *= 60;
                    // fall through
                case 's':
                    i++;
                    break;
                default:
                    return -1;
            }
            yield += value;
            if (i >= s.length()) {
                return yield;
            }
        }
    }

    /** readconf_printtime(). */
    public static String printTime(int t) {
        StringBuilder b = new StringBuilder();
        if (t < 0) {
            b.append('-');
            t = -t;
        }
        int s = t % 60;
        t /= 60;
        int m = t % 60;
        t /= 60;
        int h = t % 24;
        t /= 24;
        int d = t % 7;
        int w = t / 7;
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
        if (s > 0 || b.length() == 0) {
            b.append(s).append('s');
        }
        return b.toString();
    }
}
