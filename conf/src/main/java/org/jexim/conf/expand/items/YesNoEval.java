package org.jexim.conf.expand.items;

import org.jexim.conf.expand.Eval;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;
import org.jexim.conf.expand.Out;

/** Evaluates the {yes}{no} part of ${if}, ${lookup}, ${extract}, ${run} as process_yesno() does. */
final class YesNoEval {
    private YesNoEval() {
    }

    /**
     * {@code bare} is what a bare item yields on success ("true" for if, $value for the others);
     * {@code saveValue} is $value to restore before the "no" string.
     */
    static void apply(Eval ev, ExpansionParser.YesNo yn, boolean yes, Out out, String type, String bare,
            boolean bareTainted, String saveValue, boolean saveTainted) throws ExpansionException {
        if (yn.yes() == null) {
            if (yes && bare != null) {
                out.append(bare, bareTainted);
            }
            return;
        }
        if (yes) {
            yn.yes().eval(ev, out);
            return;
        }
        if (!type.equals("if") && !type.equals("run")) {
            ev.value(saveValue, saveTainted);
        }
        if (yn.no() != null) {
            yn.no().eval(ev, out);
        } else if (yn.fail()) {
            throw new ExpansionException("\"" + type + "\" failed and \"fail\" requested", true);
        }
    }
}
