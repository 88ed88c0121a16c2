package org.jexim.conf.expand.conditions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.conf.expand.Condition;
import org.jexim.conf.expand.Eval;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;
import org.jexim.conf.expand.Json;
import org.jexim.conf.expand.Node;
import org.jexim.conf.expand.Out;
import org.jexim.conf.lists.ExiList;

/** and{{c1}{c2}...}, or{...}, and forall/forany (plain, _json, _jsons) over a list with $item. */
final class LogicConditions {
    private LogicConditions() {
    }

    static void register(Map<String, CondParser> m) {
        m.put("and", (p, op) -> group(p, op, true));
        m.put("or", (p, op) -> group(p, op, false));
        for (String kind : new String[] {"", "_json", "_jsons"}) {
            m.put("forall" + kind, (p, op) -> iterate(p, op, false, kind));
            m.put("forany" + kind, (p, op) -> iterate(p, op, true, kind));
        }
    }

    private static Condition group(ExpansionParser p, String op, boolean and) throws ExpansionException {
        p.skipWhite();
        if (p.next() != '{') {
            throw new ExpansionException("missing { after \"" + op + "\"");
        }
        List<Condition> subs = new ArrayList<>();
        while (true) {
            if (p.skipWhite() == '}') {
                break;
            }
            if (p.peek() != '{') {
                throw new ExpansionException("each subcondition inside an \"" + op
                        + "{...}\" condition must be in its own {}");
            }
            p.next();
            try {
                subs.add(p.parseCondition());
            } catch (ExpansionException e) {
                throw new ExpansionException(e.getMessage() + " inside \"" + op + "{...}\" condition", e.forced());
            }
            p.skipWhite();
            if (p.next() != '}') {
                throw new ExpansionException("missing } at end of condition inside \"" + op + "\" group");
            }
        }
        p.next();
        Condition[] cs = subs.toArray(Condition[]::new);
        return ev -> {
            for (Condition c : cs) {
                boolean r;
                try {
                    r = c.test(ev);
                } catch (ExpansionException e) {
                    throw new ExpansionException(e.getMessage() + " inside \"" + op + "{...}\" condition", e.forced());
                }
                if (and && !r) {
                    return false;
                }
                if (!and && r) {
                    return true;
                }
            }
            return and;
        };
    }

    private static Condition iterate(ExpansionParser p, String op, boolean any, String kind) throws ExpansionException {
        p.skipWhite();
        if (p.next() != '{') {
            throw new ExpansionException("missing { after \"" + op + "\"");
        }
        Node list = p.parseArg();
        if (p.next() != '}') {
            throw new ExpansionException("missing } at end of \"" + op + "\" condition");
        }
        p.skipWhite();
        if (p.next() != '{') {
            throw new ExpansionException("missing { after \"" + op + "\"");
        }
        Condition cond;
        try {
            cond = p.parseCondition();
        } catch (ExpansionException e) {
            throw new ExpansionException(e.getMessage() + " inside \"" + op + "\" condition", e.forced());
        }
        p.skipWhite();
        if (p.next() != '}') {
            throw new ExpansionException("missing } at end of condition inside \"" + op + "\"");
        }
        return ev -> {
            Out l = ev.expand(list);
            String savedItem = ev.item();
            boolean savedTaint = ev.itemTainted();
            try {
                boolean result = false;
                List<String> items;
                if (kind.isEmpty()) {
                    items = ExiList.items(l.toString());
                } else {
                    String body = Json.dewrap(l.toString(), "[]");
                    if (body == null) {
                        throw new ExpansionException(Json.missing(l.toString(), "[]"));
                    }
                    items = Json.arrayElements(body);
                }
                for (String item : items) {
                    if (kind.equals("_jsons")) {
                        String d = Json.dewrap(item, "\"\"");
                        if (d == null) {
                            throw new ExpansionException(Json.missing(item, "\"\"") + " wrapping string result for extract jsons");
                        }
                        item = d;
                    }
                    ev.item(item, l.tainted());
                    boolean t;
                    try {
                        t = cond.test(ev);
                    } catch (ExpansionException e) {
                        throw new ExpansionException(e.getMessage() + " inside \"" + op + "\" condition", e.forced());
                    }
                    result = t;
                    if (t == any) {
                        break;
                    }
                }
                return result;
            } finally {
                ev.item(savedItem, savedTaint);
            }
        };
    }
}
