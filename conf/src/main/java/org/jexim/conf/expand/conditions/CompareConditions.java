package org.jexim.conf.expand.conditions;

import java.util.Map;
import org.jexim.conf.expand.Condition;
import org.jexim.conf.expand.Eval;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Node;
import org.jexim.conf.expand.Numbers;
import org.jexim.conf.lists.Ascii;

/** String comparisons (eq, eqi, lt, lti, le, lei, gt, gti, ge, gei) and numeric ones (&lt; &lt;= = == &gt; &gt;=). */
final class CompareConditions {
    private CompareConditions() {
    }

    /** How two compared values relate: the comparison result tells whether the condition holds. */
    private interface Test {
        boolean holds(int cmp);
    }

    static void register(Map<String, CondParser> m) {
        strings(m, "eq", false, c -> c == 0);
        strings(m, "eqi", true, c -> c == 0);
        strings(m, "lt", false, c -> c < 0);
        strings(m, "lti", true, c -> c < 0);
        strings(m, "le", false, c -> c <= 0);
        strings(m, "lei", true, c -> c <= 0);
        strings(m, "gt", false, c -> c > 0);
        strings(m, "gti", true, c -> c > 0);
        strings(m, "ge", false, c -> c >= 0);
        strings(m, "gei", true, c -> c >= 0);
        numbers(m, "=", c -> c == 0);
        numbers(m, "==", c -> c == 0);
        numbers(m, "<", c -> c < 0);
        numbers(m, "<=", c -> c <= 0);
        numbers(m, ">", c -> c > 0);
        numbers(m, ">=", c -> c >= 0);
    }

    private static void strings(Map<String, CondParser> m, String name, boolean caseless, Test t) {
        m.put(name, (p, op) -> {
            Node[] sub = Conditions.twoArgs(p, op, true);
            return (Condition) ev -> {
                String a = ev.expandString(sub[0]);
                String b = ev.expandString(sub[1]);
                int c = caseless ? Ascii.compareIgnoreCase(a, b) : a.compareTo(b);
                return t.holds(c);
            };
        });
    }

    private static void numbers(Map<String, CondParser> m, String name, Test t) {
        m.put(name, (p, op) -> {
            Node[] sub = Conditions.twoArgs(p, op, true);
            return (Condition) ev -> {
                long a = number(ev, sub[0]);
                long b = number(ev, sub[1]);
                return t.holds(Long.compare(a, b));
            };
        });
    }

    private static long number(Eval ev, Node n) throws ExpansionException {
        String s = ev.expandString(n);
        return s.isEmpty() ? 0 : Numbers.integer(s, false);
    }
}
