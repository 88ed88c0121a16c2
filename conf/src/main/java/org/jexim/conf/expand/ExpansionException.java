package org.jexim.conf.expand;

/**
 * An expansion that failed, with Exim's message (what -be prints after "Failed: "). A forced
 * failure (${if ...{}fail}) is flagged, since routers and ACLs treat it differently.
 */
public class ExpansionException extends Exception {
    private final boolean forced;

    public ExpansionException(String message) {
        this(message, false);
    }

    public ExpansionException(String message, boolean forced) {
        super(message);
        this.forced = forced;
    }

    public boolean forced() {
        return forced;
    }
}
