package org.jexim.conf.expand.operators;

import java.util.List;
import java.util.Map;
import org.jexim.conf.expand.AddressParser;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;

/** address, domain, local_part (of one RFC 2822 mailbox) and addresses (of a header's list). */
final class AddressOperators {
    private AddressOperators() {
    }

    static void register(Map<String, Operator> m) {
        m.put("address", (ev, name, arg, in, out) -> {
            AddressParser.Parsed a = AddressParser.extract(in.toString(), null);
            if (a != null) {
                out.append(a.address(), in.tainted());
            }
        });
        m.put("domain", (ev, name, arg, in, out) -> {
            AddressParser.Parsed a = AddressParser.extract(in.toString(), null);
            if (a != null && a.domain() > 0) {
                out.append(a.domainPart(), in.tainted());
            }
        });
        m.put("local_part", (ev, name, arg, in, out) -> {
            AddressParser.Parsed a = AddressParser.extract(in.toString(), null);
            if (a != null) {
                out.append(a.localPart(), in.tainted());
            }
        });
        m.put("addresses", (ev, name, arg, in, out) -> {
            String sub = in.toString();
            int i = 0;
            while (i < sub.length() && ExpansionParser.isSpace(sub.charAt(i))) {
                i++;
            }
            char outsep = ':';
            if (i < sub.length() && sub.charAt(i) == '>') {
                if (i + 1 < sub.length()) {
                    outsep = sub.charAt(i + 1);
                    i += 2;
                } else {
                    throw new ExpansionException("output separator missing in expanding ${addresses:" + sub.substring(i) + "}");
                }
            }
            List<AddressParser.Parsed> all = AddressParser.extractAll(sub.substring(i));
            StringBuilder b = new StringBuilder();
            String sep = String.valueOf(outsep);
            for (AddressParser.Parsed a : all) {
                if (a == null) {
                    continue;
                }
                String addr = a.address();
                if (b.length() > 0 && addr.startsWith(sep)) {
                    b.append(' ');
                }
                b.append(addr.replace(sep, sep + sep));
                b.append(outsep);
            }
            if (b.length() > 0) {
                b.setLength(b.length() - 1);
            }
            out.append(b, in.tainted());
        });
    }
}
