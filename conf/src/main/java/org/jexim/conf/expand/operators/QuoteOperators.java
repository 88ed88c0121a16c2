package org.jexim.conf.expand.operators;

import java.util.Map;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.lookup.LookupType;
import org.jexim.conf.lookup.Lookups;

/** quote, quote_local_part, quote_LOOKUP (lookup-specific quoting, e.g. quote_mysql), rxquote. */
final class QuoteOperators {
    private QuoteOperators() {
    }

    static void register(Map<String, Operator> m) {
        m.put("quote", (ev, name, arg, in, out) -> {
            if (arg == null) {
                out.append(quote(in.toString(), false), in.tainted());
                return;
            }
            String type = arg;
            String opt = null;
            int u = arg.indexOf('_');
            if (u >= 0) {
                type = arg.substring(0, u);
                opt = arg.substring(u + 1);
            }
            Lookups lookups = ev.context().lookups();
            LookupType t = lookups.type(type);
            if (t == null) {
                throw new ExpansionException(lookups.unknownTypeMessage(type));
            }
            String q = t.quote(in.toString(), opt);
            if (q == null && opt == null) {
                q = in.toString();
            }
            if (q == null) {
                throw new ExpansionException("\"" + opt + "\" unrecognized after \"${quote_" + type + "\"");
            }
            out.append(q, in.tainted());
        });
        m.put("quote_local_part", (ev, name, arg, in, out) -> out.append(quote(in.toString(), true), in.tainted()));
        m.put("rxquote", (ev, name, arg, in, out) -> {
            StringBuilder b = new StringBuilder();
            for (char c : in.toString().toCharArray()) {
                if (!(c < 128 && Character.isLetterOrDigit(c))) {
                    b.append('\\');
                }
                b.append(c);
            }
            out.append(b, in.tainted());
        });
    }

    static String quote(String sub, boolean localPart) {
        boolean needs = sub.isEmpty();
        for (int i = 0; i < sub.length() && !needs; i++) {
            char t = sub.charAt(i);
            boolean alnum = t < 128 && Character.isLetterOrDigit(t);
            if (!localPart) {
                needs = !alnum && "_-.".indexOf(t) < 0;
            } else {
                needs = !alnum && "!#$%&'*+-/=?^_`{|}~".indexOf(t) < 0
                        && (t != '.' || i == 0 || i == sub.length() - 1);
            }
        }
        if (!needs) {
            return sub;
        }
        StringBuilder b = new StringBuilder("\"");
        for (char t : sub.toCharArray()) {
            if (t == '\n') {
                b.append("\\n");
            } else if (t == '\r') {
                b.append("\\r");
            } else {
                if (t == '\\' || t == '"') {
                    b.append('\\');
                }
                b.append(t);
            }
        }
        return b.append('"').toString();
    }
}
