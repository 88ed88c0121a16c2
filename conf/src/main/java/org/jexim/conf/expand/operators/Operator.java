package org.jexim.conf.expand.operators;

import org.jexim.conf.expand.Eval;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Out;

/** One {@code ${name_arg:operand}} operator. */
@FunctionalInterface
public interface Operator {
    /**
     * {@code name} is the operator as written (for messages), {@code arg} the text after its
     * first '_' (null when none), {@code in} the expanded operand.
     */
    void apply(Eval ev, String name, String arg, Out in, Out out) throws ExpansionException;
}
