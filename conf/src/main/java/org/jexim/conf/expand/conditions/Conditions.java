package org.jexim.conf.expand.conditions;

import java.util.HashMap;
import java.util.Map;
import org.jexim.conf.expand.Condition;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;
import org.jexim.conf.expand.Node;

/** The conditions of {@code ${if}} (Exim's eval_condition), by name, with '!' negation. */
public final class Conditions {
    private static final Map<String, CondParser> CONDITIONS = new HashMap<>();

    static {
        CompareConditions.register(CONDITIONS);
        MatchConditions.register(CONDITIONS);
        LogicConditions.register(CONDITIONS);
        TestConditions.register(CONDITIONS);
        AuthConditions.register(CONDITIONS);
    }

    private Conditions() {
    }

    /** Parses optional '!'s and a condition. */
    public static Condition parse(ExpansionParser p) throws ExpansionException {
        boolean testfor = true;
        while (p.skipWhite() == '!') {
            testfor = !testfor;
            p.next();
        }
        String opname;
        char c = p.peek();
        if (c == '=' || c == '>' || c == '<') {
            p.next();
            opname = p.peek() == '=' ? c + "" + p.next() : String.valueOf(c);
        } else {
            opname = p.readName("_");
        }
        if (opname.isEmpty()) {
            String rest = p.rest();
            throw new ExpansionException("condition name expected, but found \""
                    + (rest.length() > 16 ? rest.substring(0, 16) : rest) + "\"");
        }
        CondParser cp = CONDITIONS.get(opname);
        if (cp == null) {
            throw new ExpansionException("unknown condition \"" + opname + "\"");
        }
        Condition cond = cp.parse(p, opname);
        if (testfor) {
            return cond;
        }
        return ev -> !cond.test(ev);
    }

    /** Reads the two braced arguments of a comparison; the second without $ expansion when asked. */
    static Node[] twoArgs(ExpansionParser p, String opname, boolean honourDollar2) throws ExpansionException {
        Node[] sub = new Node[2];
        for (int i = 0; i < 2; i++) {
            if (p.skipWhite() != '{') {
                if (i == 0) {
                    throw new ExpansionException("missing { after \"" + opname + "\"");
                }
                throw new ExpansionException("missing 2nd string in {} after \"" + opname + "\"");
            }
            p.next();
            sub[i] = p.parseString(true, i == 0 || honourDollar2);
            if (p.next() != '}') {
                throw new ExpansionException("missing } at end of \"" + opname + "\" condition");
            }
        }
        return sub;
    }

    /** Reads one braced argument (exists, isip, pam, ...). */
    static Node oneArg(ExpansionParser p, String opname) throws ExpansionException {
        if (p.skipWhite() != '{') {
            throw new ExpansionException("missing { after \"" + opname + "\"");
        }
        p.next();
        Node n = p.parseArg();
        if (p.next() != '}') {
            throw new ExpansionException("missing } at end of \"" + opname + "\" condition");
        }
        return n;
    }
}
