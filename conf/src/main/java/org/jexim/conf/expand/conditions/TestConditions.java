package org.jexim.conf.expand.conditions;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.jexim.conf.expand.Condition;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;
import org.jexim.conf.expand.HeaderNames;
import org.jexim.conf.expand.Node;
import org.jexim.conf.expand.Variables;
import org.jexim.conf.lists.Ascii;
import org.jexim.conf.lists.IpAddress;

/** def:, exists, isip, isip4, isip6, bool, bool_lax, first_delivery, queue_running. */
final class TestConditions {
    private TestConditions() {
    }

    static void register(Map<String, CondParser> m) {
        m.put("def", TestConditions::def);
        m.put("exists", (p, op) -> {
            Node n = Conditions.oneArg(p, op);
            return ev -> {
                org.jexim.conf.expand.ForbiddenItem.EXISTS.check(ev);
                String f = ev.expandString(n);
                return !f.isEmpty() && Files.exists(Path.of(f.startsWith("/") ? f : "/" + f), new LinkOption[0]);
            };
        });
        m.put("isip", (p, op) -> ip(Conditions.oneArg(p, op), 0));
        m.put("isip4", (p, op) -> ip(Conditions.oneArg(p, op), 4));
        m.put("isip6", (p, op) -> ip(Conditions.oneArg(p, op), 6));
        m.put("bool", (p, op) -> bool(p, false));
        m.put("bool_lax", (p, op) -> bool(p, true));
        m.put("first_delivery", (p, op) -> ev -> "yes".equals(ev.context().variable("first_delivery").orElse("no")));
        m.put("inbound_srs", (p, op) -> {
            org.jexim.conf.expand.Node[] sub;
            try {
                sub = p.readSubs(2, 2, false, op);
            } catch (ExpansionException e) {
                throw new ExpansionException("too few arguments or bracketing error for inbound_srs");
            }
            return ev -> Srs.inbound(ev, ev.expandString(sub[0]), ev.expandString(sub[1]));
        });
        m.put("queue_running", (p, op) -> ev -> "yes".equals(ev.context().variable("queue_running").orElse("no")));
    }

    private static Condition ip(Node n, int version) {
        return ev -> {
            int v = IpAddress.version(ev.expandString(n));
            return version == 0 ? v != 0 : v == version;
        };
    }

    private static Condition def(ExpansionParser p, String op) throws ExpansionException {
        if (p.peek() != ':') {
            throw new ExpansionException("\":\" expected after \"def\"");
        }
        p.next();
        String name = p.readName("_");
        String header = HeaderNames.headerOf(name, p);
        if (header != null) {
            return ev -> ev.context().header(header, org.jexim.conf.expand.HeaderKind.RAW).isPresent();
        }
        if (!Variables.known(name)) {
            throw new ExpansionException((name.isEmpty() ? "variable name omitted after \"def:\""
                    : "unknown variable \"" + name + "\" after \"def:\"") + Variables.hint(name));
        }
        return ev -> {
            String v = ev.variable(name);
            return v != null && !v.isEmpty();
        };
    }

    private static Condition bool(ExpansionParser p, boolean lax) throws ExpansionException {
        String ourname = lax ? "bool_lax" : "bool";
        if (p.skipWhite() != '{') {
            throw new ExpansionException("missing { after \"" + ourname + "\"");
        }
        Node[] sub;
        try {
            sub = p.readSubs(1, 1, false, ourname);
        } catch (ExpansionException e) {
            if (e.getMessage().startsWith("Not enough") || e.getMessage().startsWith("missing or misplaced")) {
                throw new ExpansionException("too few arguments or bracketing error for " + ourname);
            }
            throw e;
        }
        Node n = sub[0];
        return ev -> {
            String t = trimC(ev.expandString(n));
            int len = t.length();
            if (len == 0) {
                return false;
            }
            boolean numeric = t.charAt(0) == '-' ? allDigits(t.substring(1)) : allDigits(t);
            if (numeric) {
                boolean v = atoi(t) != 0;
                if (lax && len > 1) {
                    v = true;
                }
                return v;
            }
            if (Ascii.equalsIgnoreCase(t, "true") || Ascii.equalsIgnoreCase(t, "yes")) {
                return true;
            }
            if (Ascii.equalsIgnoreCase(t, "false") || Ascii.equalsIgnoreCase(t, "no")) {
                return false;
            }
            if (lax) {
                return true;
            }
            throw new ExpansionException("unrecognised boolean value \"" + t + "\"");
        };
    }

    private static String trimC(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && ExpansionParser.isSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && ExpansionParser.isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static long atoi(String s) {
        long v = 0;
        int i = s.startsWith("-") ? 1 : 0;
        for (; i < s.length() && Character.isDigit(s.charAt(i)); i++) {
            v = v * 10 + s.charAt(i) - '0';
            if (v > Integer.MAX_VALUE) {
                return 1;
            }
        }
        return v;
    }
}
