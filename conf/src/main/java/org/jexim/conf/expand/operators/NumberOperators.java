package org.jexim.conf.expand.operators;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Numbers;

/** eval, eval10, randint, time_eval, time_interval. */
final class NumberOperators {
    private NumberOperators() {
    }

    static void register(Map<String, Operator> m) {
        Operator eval = (ev, name, arg, in, out) -> {
            String s = in.toString();
            Arithmetic a = new Arithmetic(s, name.startsWith("eval10"));
            long n = a.expr(false);
            if (a.error != null) {
                throw new ExpansionException("error in expression evaluation: " + a.error + " (after processing \""
                        + s.substring(0, Math.min(a.p, s.length())) + "\")");
            }
            out.append(Long.toString(n));
        };
        m.put("eval", eval);
        m.put("eval10", eval);
        m.put("randint", (ev, name, arg, in, out) -> {
            long max = Numbers.integer(in.toString(), true);
            out.append(Integer.toString(max <= 1 ? 0 : ThreadLocalRandom.current().nextInt((int) Math.min(max, Integer.MAX_VALUE))));
        });
        m.put("time_eval", (ev, name, arg, in, out) -> {
            int n = readTime(in.toString());
            if (n < 0) {
                throw new ExpansionException("string \"" + in + "\" is not an Exim time interval in \"" + name + "\" operator");
            }
            out.append(Integer.toString(n));
        });
        m.put("time_interval", (ev, name, arg, in, out) -> {
            String s = in.toString();
            int n = 0;
            int i = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                n = n * 10 + s.charAt(i++) - '0';
            }
            if (i != s.length()) {
                throw new ExpansionException("string \"" + s + "\" is not a positive number in \"" + name + "\" operator");
            }
            out.append(printTime(n));
        });
    }

    /** readconf_readtime(): 1w2d3h4m5s style; -1 when malformed. */
    static int readTime(String s) {
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
    static String printTime(int t) {
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
