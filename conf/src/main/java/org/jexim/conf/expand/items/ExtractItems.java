package org.jexim.conf.expand.items;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.conf.expand.Escapes;
import org.jexim.conf.expand.Eval;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;
import org.jexim.conf.expand.Json;
import org.jexim.conf.expand.Node;
import org.jexim.conf.expand.Out;
import org.jexim.conf.lists.Ascii;
import org.jexim.conf.lists.ExiList;

/** ${extract} (keyed, numbered, json, jsons), ${listextract}, ${listquote}, ${certextract}. */
public final class ExtractItems {
    private ExtractItems() {
    }

    static void register(Map<String, ItemParser> m) {
        m.put("extract", ExtractItems::extract);
        m.put("listextract", ExtractItems::listextract);
        m.put("listquote", (p, name) -> {
            Node[] sub = p.readSubs(2, 2, true, name);
            return (ev, out) -> {
                String sep = ev.expandString(sub[0]);
                Out list = ev.expand(sub[1]);
                String l = list.toString();
                if (l.isEmpty()) {
                    out.append(" ");
                    return;
                }
                char c = sep.isEmpty() ? 0 : sep.charAt(0);
                StringBuilder b = new StringBuilder();
                for (char x : l.toCharArray()) {
                    if (x == c) {
                        b.append(x);
                    }
                    b.append(x);
                }
                out.append(b, list.tainted());
            };
        });
        m.put("certextract", ExtractItems::certextract);
    }

    private static Node certextract(ExpansionParser p, String name) throws ExpansionException {
        if (p.skipWhite() != '{') {
            throw p.curly("missing '{' for field arg of certextract");
        }
        p.next();
        Node field = p.parseArg();
        if (p.next() != '}') {
            throw p.curly("missing '}' closing field arg of certextract");
        }
        if (p.skipWhite() != '{') {
            throw p.curly("missing '{' for cert variable arg of certextract");
        }
        p.next();
        if (p.peek() != '$') {
            throw new ExpansionException("second argument of \"certextract\" must be a certificate variable");
        }
        p.next();
        Node var = p.parseString(true, false);
        if (p.next() != '}') {
            throw p.curly("missing '}' closing cert variable arg of certextract");
        }
        ExpansionParser.YesNo yn = p.parseYesNo("certextract");
        return (ev, out) -> {
            String save = ev.value();
            boolean saveTaint = ev.valueTainted();
            try {
                String f = trim(ev.expandString(field));
                String v = ev.expandString(var);
                String value = Certificates.field(ev, f, v);
                ev.value(value, false);
                YesNoEval.apply(ev, yn, value != null, out, "certextract", value, false, save, saveTaint);
            } finally {
                ev.value(save, saveTaint);
            }
        };
    }

    /** Up to N braced arguments, an optional "fail", and the closing brace; source offsets kept for messages. */
    record ParsedArgs(Node[] args, int[] starts, boolean fail, int failAt, String text) {
        static ParsedArgs read(ExpansionParser p, int max) throws ExpansionException {
            List<Node> args = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            p.skipWhite();
            while (args.size() < max && p.peek() == '{') {
                starts.add(p.pos());
                p.next();
                args.add(p.parseArg());
                if (p.next() != '}') {
                    throw p.curly("missing '{' for arg of extract");
                }
                p.skipWhite();
            }
            boolean fail = false;
            int failAt = p.pos();
            String rest = p.rest();
            if (rest.startsWith("fail") && (rest.length() == 4 || " \t}".indexOf(rest.charAt(4)) >= 0)) {
                fail = true;
                p.pos(p.pos() + 4);
                p.skipWhite();
            }
            int close = p.pos();
            if (p.peek() != '}') {
                throw p.curly("missing '}' closing extract");
            }
            p.next();
            int[] st = new int[starts.size() + 1];
            for (int i = 0; i < starts.size(); i++) {
                st[i] = starts.get(i);
            }
            st[starts.size()] = close;
            return new ParsedArgs(args.toArray(Node[]::new), st, fail, failAt, p.source());
        }

        String restFrom(int i) {
            int at = i < starts.length ? starts[i] : text.length();
            return text.substring(Math.min(at, text.length()));
        }

        /** Applies the yes/no strings found after the first {@code used} arguments. */
        void yesNo(Eval ev, int used, String type, boolean found, String value, boolean valueTaint, String save,
                boolean saveTaint, Out out) throws ExpansionException {
            int extra = args.length - used;
            if (extra == 0) {
                if (fail) {
                    throw yesnoError("'yes' part did not start with '{'", text.substring(failAt));
                }
                if (found) {
                    out.append(value, valueTaint);
                }
                return;
            }
            if (extra > 2) {
                throw yesnoError("did not close with '}'", restFrom(used + 2));
            }
            if (extra == 2 && fail) {
                throw yesnoError("did not close with '}'", text.substring(failAt));
            }
            if (found) {
                args[used].eval(ev, out);
                return;
            }
            ev.value(save, saveTaint);
            if (extra == 2) {
                args[used + 1].eval(ev, out);
            } else if (fail) {
                throw new ExpansionException("\"" + type + "\" failed and \"fail\" requested", true);
            }
        }

        static ExpansionException yesnoError(String where, String rest) {
            return new ExpansionException("curly-bracket problem in conditional yes/no parsing: " + where
                    + "\n remaining string is '" + rest + "'");
        }
    }

    private static Node extract(ExpansionParser p, String name) throws ExpansionException {
        int fmt = 0;
        if (p.skipWhite() != '{' && p.rest().startsWith("json")) {
            p.pos(p.pos() + 4);
            if (p.peek() == 's') {
                fmt = 2;
                p.next();
            } else {
                fmt = 1;
            }
        }
        ParsedArgs a = ParsedArgs.read(p, 5);
        int format = fmt;
        return (ev, out) -> {
            String save = ev.value();
            boolean saveTaint = ev.valueTainted();
            Object caps = ev.saveCaptures();
            try {
                extractEval(ev, a, format, out, save, saveTaint);
            } finally {
                ev.value(save, saveTaint);
                ev.restoreCaptures(caps);
            }
        };
    }

    private static void extractEval(Eval ev, ParsedArgs a, int fmt, Out out, String save, boolean saveTaint)
            throws ExpansionException {
        String[] sub = new String[3];
        boolean tainted = false;
        int need = 2;
        int field = 1;
        boolean numbered = false;
        for (int i = 0; i < need; i++) {
            if (i >= a.args().length) {
                throw new ExpansionException("missing '{' for arg " + (i + 1) + " of extract");
            }
            Out o = ev.expand(a.args()[i]);
            sub[i] = o.toString();
            if (i == 1 || i == 2) {
                tainted = o.tainted();
            }
            if (i == 0) {
                String k = trim(sub[0]);
                sub[0] = k;
                if (k.isEmpty()) {
                    throw new ExpansionException("first argument of \"extract\" must not be empty");
                }
                int q = 0;
                int sign = 1;
                if (k.charAt(0) == '-') {
                    sign = -1;
                    q = 1;
                }
                int x = 0;
                while (q < k.length() && Character.isDigit(k.charAt(q)) && k.charAt(q) < 128) {
                    x = x * 10 + k.charAt(q++) - '0';
                }
                if (q == k.length()) {
                    field = sign * x;
                    numbered = true;
                    if (fmt == 0) {
                        need = 3;
                    }
                }
            }
        }
        String value;
        if (fmt == 0) {
            value = numbered ? tokened(field, sub[1], sub[2]) : keyed(sub[0], sub[1]);
        } else {
            value = json(sub, numbered, field, fmt == 2);
        }
        ev.value(value, tainted);
        a.yesNo(ev, need, "extract", value != null, value, tainted, save, saveTaint, out);
    }

    static String trim(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && ExpansionParser.isSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && ExpansionParser.isSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    /** expand_getkeyed(): key=value pairs, values optionally quoted. */
    public static String keyed(String key, String s) {
        int[] p = {0};
        skip(s, p);
        while (p[0] < s.length()) {
            int dkey = p[0];
            while (p[0] < s.length() && s.charAt(p[0]) != '=' && !ExpansionParser.isSpace(s.charAt(p[0]))) {
                p[0]++;
            }
            String k = s.substring(dkey, p[0]);
            skip(s, p);
            if (p[0] < s.length() && s.charAt(p[0]) == '=') {
                p[0]++;
                skip(s, p);
            }
            String data = Escapes.dequote(s, p);
            if (k.length() == key.length() && Ascii.equalsIgnoreCase(k, key)) {
                return data;
            }
            skip(s, p);
        }
        return null;
    }

    private static void skip(String s, int[] p) {
        while (p[0] < s.length() && ExpansionParser.isSpace(s.charAt(p[0]))) {
            p[0]++;
        }
    }

    /** expand_gettokened(): field N of a string split at any of the separator characters. */
    static String tokened(int field, String separators, String s) {
        if (field == 0) {
            return s;
        }
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || separators.indexOf(s.charAt(i)) >= 0) {
                fields.add(s.substring(start, i));
                start = i + 1;
                if (field > 0 && fields.size() == field) {
                    return fields.get(field - 1);
                }
            }
        }
        if (field > 0) {
            return null;
        }
        int idx = fields.size() + field;
        return idx < 0 ? null : fields.get(idx);
    }

    private static String json(String[] sub, boolean numbered, int field, boolean jsons) throws ExpansionException {
        String wrap = numbered ? "[]" : "{}";
        String body = Json.dewrap(sub[1], wrap);
        if (body == null) {
            throw new ExpansionException(Json.missing(sub[1], wrap) + " wrapping " + (numbered ? "array" : "object")
                    + " for extract json");
        }
        String value = null;
        List<String> items = Json.arrayElements(body);
        if (numbered) {
            if (field <= 0) {
                throw new ExpansionException("first argument of \"extract\" must be greater than zero");
            }
            if (field <= items.size()) {
                value = items.get(field - 1).stripTrailing();
            }
        } else {
            for (String item : items) {
                String k = Json.dewrap(item, "\"\"");
                if (k == null) {
                    throw new ExpansionException(Json.missing(item, "\"\"") + " wrapping string key for extract json");
                }
                if (k.equals(sub[0])) {
                    int q = item.indexOf('"');
                    int after = q + 1 + k.length() + 1;
                    String rest = item.substring(Math.min(after, item.length())).stripLeading();
                    if (!rest.startsWith(":")) {
                        throw new ExpansionException("missing object value-separator for extract json");
                    }
                    value = rest.substring(1).stripLeading();
                    break;
                }
            }
        }
        if (jsons && value != null) {
            String d = Json.dewrap(value, "\"\"");
            if (d == null) {
                throw new ExpansionException(Json.missing(value, "\"\"") + " wrapping string result for extract jsons");
            }
            value = d;
        }
        return value;
    }

    private static Node listextract(ExpansionParser p, String name) throws ExpansionException {
        Node[] sub = new Node[2];
        for (int i = 0; i < 2; i++) {
            if (p.skipWhite() != '{') {
                throw p.curly("missing '{' for arg " + (i + 1) + " of listextract");
            }
            p.next();
            sub[i] = p.parseArg();
            if (p.next() != '}') {
                throw p.curly("missing '}' closing arg " + (i + 1) + " of listextract");
            }
        }
        ExpansionParser.YesNo yn = p.parseYesNo("listextract");
        return (ev, out) -> {
            String save = ev.value();
            boolean saveTaint = ev.valueTainted();
            try {
                String f = trim(ev.expandString(sub[0]));
                if (f.isEmpty()) {
                    throw new ExpansionException("first argument of \"listextract\" must not be empty");
                }
                int q = 0;
                int sign = 1;
                if (f.charAt(0) == '-') {
                    sign = -1;
                    q = 1;
                }
                int x = 0;
                while (q < f.length() && Character.isDigit(f.charAt(q)) && f.charAt(q) < 128) {
                    x = x * 10 + f.charAt(q++) - '0';
                }
                if (q != f.length()) {
                    throw new ExpansionException("first argument of \"listextract\" must be numeric");
                }
                Out list = ev.expand(sub[1]);
                List<String> items = ExiList.items(list.toString());
                int field = sign * x;
                String value = null;
                if (field < 0) {
                    field = items.size() + field + 1;
                }
                if (field > 0 && field <= items.size()) {
                    value = items.get(field - 1);
                }
                ev.value(value, list.tainted());
                YesNoEval.apply(ev, yn, value != null, out, "listextract", value, list.tainted(), save, saveTaint);
            } finally {
                ev.value(save, saveTaint);
            }
        };
    }
}
