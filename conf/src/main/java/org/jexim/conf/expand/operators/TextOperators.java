package org.jexim.conf.expand.operators;

import java.util.Map;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.lists.Ascii;

/** lc, uc, strlen, length/l, substr/s, hash/h, nhash/nh. */
final class TextOperators {
    // the string functions themselves live in TextFunctions, shared with the braced items

    private TextOperators() {
    }

    static void register(Map<String, Operator> m) {
        m.put("lc", (ev, name, arg, in, out) -> out.append(Ascii.lower(in.toString()), in.tainted()));
        m.put("uc", (ev, name, arg, in, out) -> out.append(Ascii.upper(in.toString()), in.tainted()));
        m.put("strlen", (ev, name, arg, in, out) -> out.append(String.valueOf(in.length())));
        for (String n : new String[] {"length", "l", "substr", "s", "hash", "h", "nhash", "nh"}) {
            m.put(n, TextOperators::numbered);
        }
    }

    private static void numbered(org.jexim.conf.expand.Eval ev, String name, String arg,
            org.jexim.conf.expand.Out in, org.jexim.conf.expand.Out out) throws ExpansionException {
        if (arg == null) {
            throw new ExpansionException("missing values after " + name);
        }
        char kind = name.charAt(0);
        boolean length = kind == 'l';
        int sign = 1;
        long[] v = {0, -1};
        int pn;
        if (length) {
            pn = 1;
            v[1] = 0;
        } else {
            pn = 0;
        }
        int i = 0;
        if (kind == 's' && arg.startsWith("-")) {
            sign = -1;
            i = 1;
        }
        int start = i;
        while (i < arg.length()) {
            char c = arg.charAt(i);
            if (i != start && c == '_' && pn == 0) {
                pn = 1;
                v[1] = 0;
                if (i + 1 < arg.length()) {
                    i++;
                }
            } else if (c < '0' || c > '9') {
                throw new ExpansionException("non-digit after underscore in \"" + name + "\"");
            } else {
                v[pn] = Math.min(v[pn] * 10 + c - '0', Integer.MAX_VALUE);
                i++;
            }
        }
        int value1 = (int) (v[0] * sign);
        int value2 = (int) v[1];
        String s = in.toString();
        String r;
        if (kind == 'h') {
            r = TextFunctions.hash(s, value1, value2);
        } else if (kind == 'n') {
            r = TextFunctions.nhash(s, value1, value2);
        } else {
            r = TextFunctions.substr(s, value1, value2);
        }
        out.append(r, in.tainted());
    }
}
