package org.jexim.conf.expand.conditions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.conf.expand.AclRunner;
import org.jexim.conf.expand.Condition;
import org.jexim.conf.expand.Crypt;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;
import org.jexim.conf.expand.Node;

/** crypteq, acl, and the authentication conditions pam, radius, pwcheck, ldapauth, saslauthd. */
final class AuthConditions {
    private AuthConditions() {
    }

    static void register(Map<String, CondParser> m) {
        m.put("crypteq", (p, op) -> {
            Node[] sub = Conditions.twoArgs(p, op, true);
            return ev -> Crypt.crypteq(ev.expandString(sub[0]), ev.expandString(sub[1]));
        });
        m.put("pam", (p, op) -> {
            Node n = Conditions.oneArg(p, op);
            return ev -> ev.context().authBackends().pam(ev.expandString(n));
        });
        m.put("radius", (p, op) -> {
            Node n = Conditions.oneArg(p, op);
            return ev -> ev.context().authBackends().radius(ev.expandString(n));
        });
        m.put("pwcheck", (p, op) -> {
            Node n = Conditions.oneArg(p, op);
            return ev -> ev.context().authBackends().pwcheck(ev.expandString(n));
        });
        m.put("ldapauth", (p, op) -> {
            Node n = Conditions.oneArg(p, op);
            return ev -> ev.context().authBackends().ldapauth(ev.expandString(n), ev.lookupEnv());
        });
        m.put("saslauthd", AuthConditions::saslauthd);
        m.put("acl", AuthConditions::acl);
    }

    private static Condition saslauthd(ExpansionParser p, String op) throws ExpansionException {
        p.skipWhite();
        if (p.next() != '{') {
            throw new ExpansionException("missing { after \"" + op + "\"");
        }
        Node[] sub = subs(p, 4, 2, "saslauthd");
        return ev -> {
            List<String> args = new ArrayList<>();
            for (Node n : sub) {
                args.add(ev.expandString(n));
            }
            return ev.context().authBackends().saslauthd(args);
        };
    }

    private static Node[] subs(ExpansionParser p, int n, int min, String name) throws ExpansionException {
        try {
            return p.readSubs(n, min, true, name);
        } catch (ExpansionException e) {
            if (e.getMessage().startsWith("Too many")) {
                throw e;
            }
            throw new ExpansionException("too few arguments or bracketing error for " + name);
        }
    }

    private static Condition acl(ExpansionParser p, String op) throws ExpansionException {
        p.skipWhite();
        if (p.next() != '{') {
            throw new ExpansionException("missing { after \"" + op + "\"");
        }
        Node[] sub = subs(p, 10, 1, "acl");
        return ev -> {
            String name = ev.expandString(sub[0]);
            List<String> args = new ArrayList<>();
            for (int i = 1; i < sub.length; i++) {
                args.add(ev.expandString(sub[i]));
            }
            AclRunner.Result r = ev.context().acls().run(name, args);
            switch (r.verdict()) {
                case OK, FAIL -> {
                    ev.value(r.message(), false);
                    return r.verdict() == AclRunner.Verdict.OK;
                }
                case DEFER -> throw new ExpansionException("DEFER from acl \"" + name + "\"", true);
                default -> throw new ExpansionException("ERROR from acl \"" + name + "\"");
            }
        };
    }
}
