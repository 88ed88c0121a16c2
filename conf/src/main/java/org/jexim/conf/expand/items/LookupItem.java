package org.jexim.conf.expand.items;

import org.jexim.conf.expand.Eval;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;
import org.jexim.conf.expand.Node;
import org.jexim.conf.expand.Out;
import org.jexim.conf.expand.PartialParseException;
import org.jexim.conf.expand.Printing;
import org.jexim.conf.lists.LookupArgs;
import org.jexim.conf.lookup.LookupException;
import org.jexim.conf.lookup.LookupSpec;
import org.jexim.conf.lookup.Lookups;

/**
 * {@code ${lookup{KEY}TYPE{FILE}{yes}{no}}} and {@code ${lookup TYPE{QUERY}{yes}{no}}}. The
 * result is not tainted; a tainted file name is refused, as in Exim.
 */
record LookupItem(Node key, String typeName, Node fileOrQuery, ExpansionParser.YesNo yesNo) implements Node {
    static Node parse(ExpansionParser p, String name) throws ExpansionException {
        Node key = null;
        if (p.skipWhite() == '{') {
            p.next();
            key = p.parseArg();
            if (p.next() != '}') {
                throw p.curly("missing '}' after lookup key");
            }
            p.skipWhite();
        }
        if (!ExpansionParser.isAlpha(p.peek())) {
            throw new ExpansionException("missing lookup type");
        }
        StringBuilder type = new StringBuilder();
        while (!p.atEnd() && p.peek() != '{' && !ExpansionParser.isSpace(p.peek())) {
            char c = p.next();
            if (type.length() < 255) {
                type.append(c);
            }
        }
        p.skipWhite();
        String typeName = type.toString();
        LookupSpec spec;
        try {
            spec = LookupSpec.parse(typeName, Lookups.standard());
        } catch (LookupException e) {
            throw new ExpansionException(e.getMessage());
        }
        if (spec.singleKey()) {
            if (key == null) {
                throw new ExpansionException("missing {key} for single-key \"" + typeName + "\" lookup");
            }
        } else if (key != null) {
            throw new ExpansionException("a single key was given for lookup type \"" + typeName
                    + "\", which is not a single-key lookup type");
        }
        if (p.peek() != '{') {
            throw p.curly("missing '{' for lookup file-or-query arg");
        }
        p.next();
        Node file = p.parseArg();
        if (p.next() != '}') {
            throw p.curly("missing '}' closing lookup file-or-query arg");
        }
        p.skipWhite();
        try {
            return new LookupItem(key, typeName, file, p.parseYesNo("lookup"));
        } catch (ExpansionException e) {
            if (!p.lenient()) {
                throw e;
            }
            // Exim does the lookup before it meets the bad yes/no part
            LookupItem partial = new LookupItem(key, typeName, file, new ExpansionParser.YesNo(null, null, false));
            throw new PartialParseException(e, (ev, out) -> {
                partial.eval(ev, new Out());
                throw new ExpansionException(e.getMessage(), e.forced());
            });
        }
    }

    @Override
    public void eval(Eval ev, Out out) throws ExpansionException {
        org.jexim.conf.expand.ForbiddenItem.LOOKUP.check(ev);
        String savedValue = ev.value();
        boolean savedTaint = ev.valueTainted();
        Object savedCaps = ev.saveCaptures();
        try {
            Out k = key == null ? null : ev.expand(key);
            Out f = ev.expand(fileOrQuery);
            Lookups lookups = ev.context().lookups();
            LookupSpec spec;
            try {
                spec = LookupSpec.parse(typeName, lookups);
            } catch (LookupException e) {
                throw new ExpansionException(e.getMessage());
            }
            String file;
            String keyString;
            if (k != null) {
                file = f.toString();
                keyString = k.toString();
            } else {
                String[] fk = LookupArgs.fileAndKey(spec, null, f.toString());
                file = fk[0];
                keyString = fk[1];
            }
            if (file != null && f.tainted()) {
                // Exim's search_open() refuses a tainted file name (and logs it to the panic log).
                throw new ExpansionException("Tainted filename for search: '" + file + "'");
            }
            Lookups.Found found;
            try {
                found = lookups.find(spec, file, keyString, ev.lookupEnv());
            } catch (LookupException e) {
                if (e.openFailure()) {
                    throw new ExpansionException(e.getMessage());
                }
                throw new ExpansionException("lookup of \"" + Printing.printing2(keyString) + "\" gave DEFER: "
                        + e.getMessage());
            }
            if (found != null) {
                ev.value(found.value(), false);
                if (found.wild() != null) {
                    String[] caps = new String[3];
                    caps[0] = ev.capture(0);
                    caps[1] = found.wild();
                    caps[2] = found.fixed();
                    ev.setCaptures(caps, k != null && k.tainted());
                }
            } else {
                ev.value(null, false);
            }
            YesNoEval.apply(ev, yesNo, found != null, out, "lookup", found == null ? null : found.value(),
                    false, savedValue, savedTaint);
        } finally {
            ev.value(savedValue, savedTaint);
            ev.restoreCaptures(savedCaps);
        }
    }
}
