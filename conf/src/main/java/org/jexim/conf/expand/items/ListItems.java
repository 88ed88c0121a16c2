package org.jexim.conf.expand.items;

import java.util.Map;
import org.jexim.conf.expand.Condition;
import org.jexim.conf.expand.Eval;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;
import org.jexim.conf.expand.Node;
import org.jexim.conf.expand.Numbers;
import org.jexim.conf.expand.Out;
import org.jexim.conf.lists.Ascii;
import org.jexim.conf.lists.ExiList;

/** ${map}, ${filter}, ${reduce} and ${sort}: iteration over a list with $item (and $value). */
final class ListItems {
    private ListItems() {
    }

    static void register(Map<String, ItemParser> m) {
        m.put("map", ListItems::iterate);
        m.put("filter", ListItems::iterate);
        m.put("reduce", ListItems::iterate);
        m.put("sort", ListItems::sort);
    }

    private static Node arg(ExpansionParser p, String missingOpen, String missingClose, boolean dollar)
            throws ExpansionException {
        p.skipWhite();
        if (p.next() != '{') {
            throw p.curly(missingOpen);
        }
        Node n = p.parseString(true, dollar);
        if (p.next() != '}') {
            throw p.curly(missingClose);
        }
        return n;
    }

    private static Node iterate(ExpansionParser p, String name) throws ExpansionException {
        Node list = arg(p, "missing '{' for first arg of " + name, "missing '}' closing first arg of " + name, true);
        Node init = null;
        if (name.equals("reduce")) {
            init = arg(p, "missing '{' for second arg of reduce", "missing '}' closing second arg of reduce", true);
        }
        p.skipWhite();
        if (p.next() != '{') {
            throw p.curly("missing '{' for last arg of " + name);
        }
        Node expr = null;
        Condition cond = null;
        try {
            if (name.equals("filter")) {
                cond = p.parseCondition();
            } else {
                expr = p.parseArg();
            }
        } catch (ExpansionException e) {
            throw new ExpansionException(e.getMessage() + " inside \"" + name + "\" item", e.forced());
        }
        p.skipWhite();
        if (p.next() != '}') {
            throw new ExpansionException("missing } at end of condition or expression inside \"" + name
                    + "\"; could be an unquoted } in the content");
        }
        p.skipWhite();
        if (p.next() != '}') {
            throw new ExpansionException("missing } at end of \"" + name + "\"");
        }
        Node initNode = init;
        Node exprNode = expr;
        Condition condition = cond;
        return (ev, out) -> {
            String saveItem = ev.item();
            boolean saveItemTaint = ev.itemTainted();
            String saveValue = ev.value();
            boolean saveValueTaint = ev.valueTainted();
            try {
                Out l = ev.expand(list);
                if (initNode != null) {
                    Out v = ev.expand(initNode);
                    ev.value(v.toString(), v.tainted());
                }
                ExiList items = ExiList.of(l.toString());
                StringBuilder b = new StringBuilder();
                boolean tainted = l.tainted();
                for (String item; (item = items.next()) != null; ) {
                    char sep = (char) items.separator();
                    ev.item(item, l.tainted());
                    String temp;
                    if (condition != null) {
                        boolean r;
                        try {
                            r = condition.test(ev);
                        } catch (ExpansionException e) {
                            throw new ExpansionException(e.getMessage() + " inside \"" + name + "\" condition", e.forced());
                        }
                        if (!r) {
                            continue;
                        }
                        temp = item;
                    } else {
                        Out t;
                        try {
                            t = ev.expand(exprNode);
                        } catch (ExpansionException e) {
                            throw new ExpansionException(e.getMessage() + " inside \"" + name + "\" item", e.forced());
                        }
                        tainted |= t.tainted();
                        if (initNode != null) {
                            ev.value(t.toString(), t.tainted());
                            continue;
                        }
                        temp = t.toString();
                    }
                    if (b.length() > 0 && (temp.isEmpty() || temp.charAt(0) == sep)) {
                        b.append(' ');
                    }
                    b.append(temp.replace(String.valueOf(sep), sep + "" + sep)).append(sep);
                }
                if (initNode != null) {
                    String v = ev.value();
                    out.append(v == null ? "" : v, ev.valueTainted());
                } else {
                    if (b.length() > 0) {
                        b.setLength(b.length() - 1);
                    }
                    out.append(b, tainted);
                }
            } finally {
                ev.item(saveItem, saveItemTaint);
                ev.value(saveValue, saveValueTaint);
            }
        };
    }

    private static Node sort(ExpansionParser p, String name) throws ExpansionException {
        Node list = arg(p, "missing '{' for list arg of sort", "missing '}' closing list arg of sort", true);
        Node cmp = arg(p, "missing '{' for comparator arg of sort", "missing '}' closing comparator arg of sort", false);
        p.skipWhite();
        if (p.next() != '{') {
            throw p.curly("missing '{' for extractor arg of sort");
        }
        int start = p.pos();
        p.parseArg();
        String xtract = p.source().substring(start, p.pos());
        if (p.next() != '}') {
            throw p.curly("missing '}' closing extractor arg of sort");
        }
        if (p.next() != '}') {
            throw new ExpansionException("missing } at end of \"sort\"");
        }
        Node extractor = Expander.parseLenientNode(xtract);
        return (ev, out) -> {
            String c = ev.expandString(cmp);
            String op = comparator(c);
            String saveItem = ev.item();
            boolean saveTaint = ev.itemTainted();
            try {
                Out src = ev.expand(list);
                ExiList items = ExiList.of(src.toString());
                String dst = null;
                String dstKeys = null;
                for (String item; (item = items.next()) != null; ) {
                    char sep = (char) items.separator();
                    ev.item(item, src.tainted());
                    String field;
                    try {
                        field = ev.expandString(extractor);
                    } catch (ExpansionException e) {
                        field = "";
                    }
                    if (field.isEmpty()) {
                        throw new ExpansionException("field-extract in sort: \"" + xtract + "\"");
                    }
                    StringBuilder nl = new StringBuilder();
                    StringBuilder nk = new StringBuilder();
                    String srcItem = item;
                    ExiList dl = new ExiList(dst, sep);
                    ExiList dk = new ExiList(dstKeys, sep);
                    for (String di; (di = dl.next()) != null; ) {
                        String df = dk.next();
                        if (df == null) {
                            throw new ExpansionException("Internal error in sort (list mismatch)");
                        }
                        if (srcItem != null && before(op, field, df)) {
                            appendEle(nl, sep, srcItem);
                            appendEle(nk, sep, field);
                            srcItem = null;
                        }
                        appendEle(nl, sep, di);
                        appendEle(nk, sep, df);
                    }
                    if (srcItem != null) {
                        appendEle(nl, sep, srcItem);
                        appendEle(nk, sep, field);
                    }
                    dst = nl.toString();
                    dstKeys = nk.toString();
                }
                if (dst != null) {
                    out.append(dst, src.tainted());
                }
            } finally {
                ev.item(saveItem, saveTaint);
            }
        };
    }

    /** string_append_listele(). */
    static void appendEle(StringBuilder list, char sep, String ele) {
        if (list.length() > 0) {
            list.append(sep);
        }
        list.append(ele.replace(String.valueOf(sep), sep + "" + sep));
    }

    private static String comparator(String c) throws ExpansionException {
        String s = c.stripLeading();
        String op;
        if (!s.isEmpty() && (s.charAt(0) == '<' || s.charAt(0) == '>' || s.charAt(0) == '=')) {
            op = s.length() > 1 && s.charAt(1) == '=' ? s.substring(0, 2) : s.substring(0, 1);
        } else {
            int i = 0;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            op = s.substring(0, i);
        }
        if (op.isEmpty()) {
            throw new ExpansionException("condition name expected, but found \""
                    + (s.length() > 16 ? s.substring(0, 16) : s) + "\"");
        }
        switch (op) {
            case "<", "<=", ">", ">=", "lt", "lti", "le", "lei", "gt", "gti", "ge", "gei":
                return op;
            case "=", "==", "eq", "eqi", "and", "or", "def", "match", "inlist", "inlisti", "bool", "bool_lax",
                    "crypteq", "exists", "isip", "isip4", "isip6", "acl", "forall", "forany", "first_delivery",
                    "queue_running", "match_address", "match_domain", "match_ip", "match_local_part", "pam",
                    "radius", "ldapauth", "pwcheck", "saslauthd", "forall_json", "forany_json", "forall_jsons",
                    "forany_jsons", "inbound_srs":
                throw new ExpansionException("comparator not handled for sort");
            default:
                // Exim leaves its message empty here
                throw new ExpansionException("");
        }
    }

    private static boolean before(String op, String l, String r) {
        if (!Character.isLetter(op.charAt(0))) {
            long a;
            long b;
            try {
                a = Numbers.integer(l, false);
                b = Numbers.integer(r, false);
            } catch (ExpansionException e) {
                return false;
            }
            return switch (op) {
                case ">" -> a > b;
                case ">=" -> a >= b;
                case "<" -> a < b;
                default -> a <= b;
            };
        }
        int c = op.endsWith("i") ? Ascii.compareIgnoreCase(l, r) : l.compareTo(r);
        return switch (op) {
            case "lt", "lti" -> c < 0;
            case "le", "lei" -> c <= 0;
            case "gt", "gti" -> c > 0;
            default -> c >= 0;
        };
    }

}
