package org.jexim.conf.expand;

/** A parsed expansion string, immutable and safe to share between threads. */
public interface Expansion {
    String evaluate(ExpansionContext context) throws ExpansionException;

    /** The source text. */
    String text();
}
