package org.jexim.conf.expand.items;

import org.jexim.conf.expand.Condition;
import org.jexim.conf.expand.Eval;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;
import org.jexim.conf.expand.Node;
import org.jexim.conf.expand.Out;
import org.jexim.conf.expand.PartialParseException;

/** {@code ${if COND {yes}{no}}}, {@code {yes}fail}, or bare ({@code true} / nothing). */
record IfItem(Condition cond, ExpansionParser.YesNo yesNo) implements Node {
    static Node parse(ExpansionParser p, String name) throws ExpansionException {
        p.skipWhite();
        Condition c = p.parseCondition();
        try {
            return new IfItem(c, p.parseYesNo("if"));
        } catch (ExpansionException e) {
            if (!p.lenient()) {
                throw e;
            }
            // Exim tests the condition before it meets the bad yes/no part
            throw new PartialParseException(e, (ev, out) -> {
                c.test(ev);
                throw new ExpansionException(e.getMessage(), e.forced());
            });
        }
    }

    @Override
    public void eval(Eval ev, Out out) throws ExpansionException {
        Object saved = ev.saveCaptures();
        String savedValue = ev.value();
        boolean savedTaint = ev.valueTainted();
        try {
            boolean yes = cond.test(ev);
            YesNoEval.apply(ev, yesNo, yes, out, "if", yes ? "true" : null, false, null, false);
        } finally {
            ev.value(savedValue, savedTaint);
            ev.restoreCaptures(saved);
        }
    }
}
