package org.jexim.conf.expand.conditions;

import org.jexim.conf.expand.Condition;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;

/** Parses one condition, the cursor just after its name. */
@FunctionalInterface
interface CondParser {
    Condition parse(ExpansionParser p, String opname) throws ExpansionException;
}
