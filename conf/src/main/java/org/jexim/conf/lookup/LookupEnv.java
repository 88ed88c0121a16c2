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
}
