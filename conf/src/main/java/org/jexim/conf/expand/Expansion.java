package org.jexim.conf.expand;

/** A parsed expansion string, immutable and safe to share between threads. */
public interface Expansion {
    String evaluate(ExpansionContext context) throws ExpansionException;

    /** The source text. */
    String text();

    /** Evaluates, keeping whether the result is tainted (see {@link ExpansionContext#tainted}). */
    default Result evaluateWithTaint(ExpansionContext context) throws ExpansionException {
        return new Result(evaluate(context), false);
    }

    /** An expansion result with its taint. */
    record Result(String value, boolean tainted) {
    }
}
