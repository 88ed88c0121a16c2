package org.jexim.conf.lookup;

/** One lookup type (lsearch, dbm, dnsdb, mysql, ...), as Exim's lookup_info. */
public interface LookupType {
    /** How keys and files are given. */
    enum Style {
        /** {@code ${lookup{KEY}type{FILE}}}. */
        SINGLE_KEY,
        /** {@code ${lookup type{QUERY}}}. */
        QUERY,
        /** A query whose first word may be an absolute file name (sqlite). */
        ABSFILE_QUERY
    }

    String name();

    Style style();

    /**
     * Looks {@code key} up in {@code file} (null for query styles); null when not found.
     * Throws on open failure or DEFER, with Exim's message.
     */
    String find(String file, String key, String opts, LookupEnv env) throws LookupException;

    /** Whether results may be cached for the rest of the evaluation context (false for writes, dnsdb TTLs...). */
    default boolean cacheable() {
        return true;
    }

    /**
     * The ${quote_TYPE_OPTION:} operator: the quoted string, or null when the option is not
     * recognised. Types without quoting return the string unchanged when no option is given.
     */
    default String quote(String s, String option) {
        return option == null ? s : null;
    }
}
