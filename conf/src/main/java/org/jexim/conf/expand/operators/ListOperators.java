package org.jexim.conf.expand.operators;

import java.util.Map;
import java.util.Optional;
import org.jexim.conf.expand.Eval;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.model.ListKind;

/** listcount, listnamed (and listnamed_a/_d/_h/_l). */
final class ListOperators {
    private ListOperators() {
    }

    static void register(Map<String, Operator> m) {
        m.put("listcount", (ev, name, arg, in, out) -> out.append(Integer.toString(ExiList.items(in.toString()).size())));
        m.put("listnamed", (ev, name, arg, in, out) -> {
            StringBuilder b = new StringBuilder();
            named(ev, in.toString(), arg, b, 0);
            out.append(b);
        });
    }

    private static void named(Eval ev, String name, String type, StringBuilder b, int depth) throws ExpansionException {
        if (depth > 20) {
            throw new ExpansionException("named list nesting too deep");
        }
        if (name.startsWith("+")) {
            name = name.substring(1);
        }
        Optional<String> list;
        String what;
        if (type == null) {
            list = Optional.empty();
            for (ListKind k : new ListKind[] {ListKind.ADDRESS, ListKind.DOMAIN, ListKind.HOST, ListKind.LOCAL_PART}) {
                list = ev.context().namedLists().list(k, name);
                if (list.isPresent()) {
                    break;
                }
            }
            what = "";
        } else {
            ListKind k;
            switch (type.isEmpty() ? ' ' : type.charAt(0)) {
                case 'a' -> {
                    k = ListKind.ADDRESS;
                    what = "address ";
                }
                case 'd' -> {
                    k = ListKind.DOMAIN;
                    what = "domain ";
                }
                case 'h' -> {
                    k = ListKind.HOST;
                    what = "host ";
                }
                case 'l' -> {
                    k = ListKind.LOCAL_PART;
                    what = "localpart ";
                }
                default -> throw new ExpansionException("bad suffix on \"list\" operator");
            }
            list = ev.context().namedLists().list(k, name);
        }
        if (list.isEmpty()) {
            throw new ExpansionException("\"" + name + "\" is not a " + what + "named list");
        }
        ExiList items = ExiList.of(list.get());
        boolean needsep = false;
        for (String item; (item = items.next()) != null; ) {
            if (needsep) {
                b.append(" : ");
            }
            needsep = true;
            int sep = items.separator();
            if (item.startsWith("+")) {
                named(ev, item, type, b, depth + 1);
            } else if (sep != ':') {
                b.append(item.replace(":", "::"));
            } else {
                b.append(item);
            }
        }
    }
}
