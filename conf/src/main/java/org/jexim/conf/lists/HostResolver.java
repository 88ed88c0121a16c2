package org.jexim.conf.lists;

import java.util.List;

/** The DNS questions list matching asks: a name's addresses, an address's names, a domain's MX hosts. */
public interface HostResolver {
    /** Thrown for a temporary failure (Exim's HOST_FIND_AGAIN / DEFER). */
    class TryAgain extends Exception {
        public TryAgain(String message) {
            super(message);
        }
    }

    /** The addresses of a host name; empty when it has none. */
    List<String> addresses(String name) throws TryAgain;

    /** The names of an address (reverse lookup, forward-confirmed by the caller); empty when none. */
    List<String> names(String address) throws TryAgain;

    /** The MX host names of a domain, lowest preference first, each with its preference. */
    default List<Mx> mx(String domain) throws TryAgain {
        return List.of();
    }

    /** One MX record. */
    record Mx(int preference, String host) {
    }

    /** The system resolver: names and addresses through java.net (hosts file included), MX and PTR through DNS. */
    HostResolver SYSTEM = new SystemResolver();
}
