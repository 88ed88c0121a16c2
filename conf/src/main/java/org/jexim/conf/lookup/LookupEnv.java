package org.jexim.conf.lookup;

import java.util.Optional;

/** What a lookup may need from where it runs: main options (jdbc_servers, dns settings...), string expansion. */
public interface LookupEnv {
    LookupEnv NONE = name -> Optional.empty();

    /** A main configuration option's value. */
    Optional<String> option(String name);

    /** Expands a wildlsearch key; identity when no expander is at hand. */
    default String expand(String s) throws LookupException {
        return s;
    }

    /**
     * Exim's per-process search cache: results by lookup type, file and key, for as long as
     * the context lives (-be keeps one for the session); null where nothing is cached.
     */
    default java.util.Map<String, Object> cache() {
        return null;
    }

    /** Sets a variable a lookup leaves behind ($ldap_dn); ignored where nothing keeps it. */
    default void setVariable(String name, String value) {
    }
}
