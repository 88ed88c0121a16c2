package org.jexim.conf.expand;

/** A parsed condition of {@code ${if}}, {@code and}, {@code or}, {@code forall}, ... */
@FunctionalInterface
public interface Condition {
    boolean test(Eval ev) throws ExpansionException;
}
