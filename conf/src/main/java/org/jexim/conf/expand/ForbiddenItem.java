package org.jexim.conf.expand;

import java.util.Set;

/**
 * Expansion items a context may forbid (Exim's expand_forbid, set from a redirect router's
 * forbid_filter_* options while a filter runs), each with the error text Exim gives.
 */
public enum ForbiddenItem {
    READFILE("file insertions are not permitted"),
    RUN("running a command is not permitted"),
    LOOKUP("lookup expansions are not permitted"),
    READSOCKET("socket insertions are not permitted"),
    PERL("Perl calls are not permitted"),
    DLFUNC("dynamically-loaded functions are not permitted"),
    EXISTS("File existence tests are not permitted");

    private final String message;

    ForbiddenItem(String message) {
        this.message = message;
    }

    /** Fails the expansion when the evaluation's context forbids this item. */
    public void check(Eval ev) throws ExpansionException {
        Set<ForbiddenItem> forbidden = ev.context().forbiddenItems();
        if (forbidden.contains(this)) {
            throw new ExpansionException(message);
        }
    }
}
