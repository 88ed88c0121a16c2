package org.jexim.conf.expand.conditions;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jexim.conf.expand.Condition;
import org.jexim.conf.expand.Eval;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Node;
import org.jexim.conf.expand.Out;
import org.jexim.conf.expand.Pcre;
import org.jexim.conf.lists.Ascii;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.lists.IpAddress;
import org.jexim.conf.lists.ListMatch;
import org.jexim.conf.lists.Lists;

/**
 * match (regex, sets $0..), match_address, match_domain, match_ip, match_local_part (list
 * matching, second argument not $-expanded, as Exim builds it), inlist, inlisti.
 */
final class MatchConditions {
    private MatchConditions() {
    }

    static void register(Map<String, CondParser> m) {
        m.put("match", (p, op) -> {
            Node[] sub = Conditions.twoArgs(p, op, true);
            return ev -> regex(ev, sub);
        });
        m.put("match_domain", (p, op) -> list(Conditions.twoArgs(p, op, false),
                (ev, s, l) -> Lists.domain(s, l, ev.listEnv())));
        m.put("match_local_part", (p, op) -> list(Conditions.twoArgs(p, op, false),
                (ev, s, l) -> Lists.localPart(s, l, ev.listEnv(), true)));
        m.put("match_address", (p, op) -> list(Conditions.twoArgs(p, op, false),
                (ev, s, l) -> Lists.address(s, l, ev.listEnv(), true)));
        m.put("match_ip", (p, op) -> list(Conditions.twoArgs(p, op, false), MatchConditions::ip));
        m.put("inlist", (p, op) -> inlist(Conditions.twoArgs(p, op, true), false));
        m.put("inlisti", (p, op) -> inlist(Conditions.twoArgs(p, op, true), true));
    }

    private static boolean regex(Eval ev, Node[] sub) throws ExpansionException {
        Out subject = ev.expand(sub[0]);
        String pattern = ev.expandString(sub[1]);
        Pattern re;
        try {
            re = Pcre.compile(pattern, false);
        } catch (Pcre.RegexError e) {
            throw Pcre.expansionError(pattern, e);
        }
        Matcher mt = Pcre.matcher(re, subject.toString());
        try {
            if (!mt.find()) {
                return false;
            }
        } catch (Pcre.MatchLimitException e) {
            return false;
        }
        String[] caps = new String[Math.min(mt.groupCount(), Eval.MAXN) + 1];
        for (int i = 0; i < caps.length; i++) {
            String g = mt.group(i);
            caps[i] = g == null ? "" : g;
        }
        ev.setCaptures(caps, subject.tainted());
        return true;
    }

    /** Matches the first argument against the (unexpanded) list in the second. */
    private interface ListTest {
        ListMatch match(Eval ev, String subject, String list) throws ExpansionException;
    }

    private static Condition list(Node[] sub, ListTest t) {
        return ev -> {
            String s = ev.expandString(sub[0]);
            String l = ev.expandString(sub[1]);
            ListMatch r = t.match(ev, s, l);
            if (r.deferred()) {
                throw new ExpansionException("unable to complete match against \"" + l + "\": "
                        + (r.error() == null ? "" : r.error()));
            }
            // Exim's lookup_value: whatever the match left, even when it failed
            ev.value(r.value(), false);
            if (r.matched()) {
                if (r.captures() != null) {
                    ev.setCaptures(r.captures(), false);
                }
                return true;
            }
            return false;
        };
    }

    private static ListMatch ip(Eval ev, String s, String l) throws ExpansionException {
        if (!s.isEmpty() && IpAddress.version(s) == 0) {
            throw new ExpansionException("\"" + s + "\" is not an IP address");
        }
        // Exim expands host lists itself, even here where the condition did not.
        String list;
        try {
            list = ev.expandString(org.jexim.conf.expand.Expander.parseLenientNode(l));
        } catch (ExpansionException e) {
            if (e.forced()) {
                return ListMatch.NO;
            }
            return ListMatch.defer("");
        }
        return Lists.host(s, "", list, ev.listEnv(true));
    }

    private static Condition inlist(Node[] sub, boolean caseless) {
        return ev -> {
            Out s = ev.expand(sub[0]);
            Out l = ev.expand(sub[1]);
            String subject = s.toString();
            ExiList items = ExiList.of(l.toString());
            for (String item; (item = items.next()) != null; ) {
                if (caseless ? Ascii.equalsIgnoreCase(subject, item) : subject.equals(item)) {
                    ev.value(item, l.tainted());
                    return true;
                }
            }
            return false;
        };
    }
}
