package org.jexim.conf.expand;

/** One piece of a parsed expansion string: literal text, a variable, an item, an operator. */
@FunctionalInterface
public interface Node {
    void eval(Eval ev, Out out) throws ExpansionException;
}
