package org.jexim.conf.lookup;

/**
 * A lookup that could not complete. {@code open} failures (a missing file...) carry Exim's
 * search_open message; others are a DEFER of the lookup.
 */
public class LookupException extends Exception {
    private final boolean openFailure;

    public LookupException(String message, boolean openFailure) {
        super(message);
        this.openFailure = openFailure;
    }

    /** A DEFER of the lookup itself. */
    public static LookupException defer(String message) {
        return new LookupException(message, false);
    }

    /** The file or database could not be opened. */
    public static LookupException open(String message) {
        return new LookupException(message, true);
    }

    public boolean openFailure() {
        return openFailure;
    }
}
