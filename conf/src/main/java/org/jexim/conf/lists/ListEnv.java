package org.jexim.conf.lists;

import java.util.List;
import org.jexim.conf.lookup.LookupEnv;
import org.jexim.conf.lookup.Lookups;

/** What list matching needs from where it runs. */
public interface ListEnv {
    NamedLists namedLists();

    Lookups lookups();

    LookupEnv lookupEnv();

    /** For the {@code @} item. */
    String primaryHostname();

    /** The local interface addresses, for {@code @[]}. */
    default List<String> interfaceAddresses() {
        return LocalInterfaces.addresses();
    }

    default HostResolver resolver() {
        return HostResolver.SYSTEM;
    }

    /**
     * Where results of matching named lists are remembered (Exim caches them per message); null
     * for no caching. Lists whose text contains '$' are never cached, as in Exim.
     */
    default java.util.Map<String, Object> namedListCache() {
        return null;
    }

    /**
     * Expands the text of a named list before it is matched, as Exim does for lists that are
     * themselves expanded (router and ACL options, host lists); identity by default.
     * A forced failure means "not in the list"; other failures defer the match.
     */
    default String expandNamedList(String list) throws ListExpansionException {
        return list;
    }

    /** A failed expansion of a named list: forced (no match) or not (defer). */
    class ListExpansionException extends Exception {
        private final boolean forced;

        public ListExpansionException(String message, boolean forced) {
            super(message);
            this.forced = forced;
        }

        public boolean forced() {
            return forced;
        }
    }

    /** A list environment with the given named lists and primary host name, standard lookups. */
    static ListEnv of(NamedLists lists, String primaryHostname) {
        return new ListEnv() {
            @Override
            public NamedLists namedLists() {
                return lists;
            }

            @Override
            public Lookups lookups() {
                return Lookups.standard();
            }

            @Override
            public LookupEnv lookupEnv() {
                return LookupEnv.NONE;
            }

            @Override
            public String primaryHostname() {
                return primaryHostname;
            }
        };
    }
}
