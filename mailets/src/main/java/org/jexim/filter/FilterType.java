package org.jexim.filter;

import java.util.regex.Pattern;

/** Exim's rda_is_filter(): a file starting "# Exim filter" or "# Sieve filter" (any case, any spacing) is a filter. */
public enum FilterType {
    EXIM, SIEVE, FORWARD;

    private static final Pattern EXIM_HEADER = Pattern.compile("(?i)[ \\t\\n\\r\\f\\x0b]*#[ \\t]*exim[ \\t]+filter");
    private static final Pattern SIEVE_HEADER = Pattern.compile("(?i)[ \\t\\n\\r\\f\\x0b]*#[ \\t]*sieve[ \\t]+filter");

    public static FilterType of(String text) {
        if (EXIM_HEADER.matcher(text).lookingAt()) {
            return EXIM;
        }
        if (SIEVE_HEADER.matcher(text).lookingAt()) {
            return SIEVE;
        }
        return FORWARD;
    }
}
