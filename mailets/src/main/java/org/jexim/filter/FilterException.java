package org.jexim.filter;

/** A filter error, with Exim's text (what -bf prints after "Filter error: "). */
public final class FilterException extends Exception {
    public FilterException(String message) {
        super(message);
    }
}
