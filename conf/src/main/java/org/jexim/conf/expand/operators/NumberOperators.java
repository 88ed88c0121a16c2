package org.jexim.conf.expand.operators;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Numbers;
import org.jexim.conf.options.EximTime;

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
            int n = EximTime.read(in.toString());
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
            out.append(EximTime.format(n));
        });
    }
}
