package org.jexim.address;

import java.util.Optional;

/**
 * One router precondition. Returns the address (with any variable the test set, such as
 * $domain_data) when it passes, empty when the router is skipped for it; throws when it
 * cannot be decided (the address is deferred).
 */
public interface Precondition {
    /** The variables a router's preconditions set; they belong to that router alone. */
    String[] ROUTER_VARIABLES = {"domain_data", "local_part_data"};

    Optional<AddressItem> test(AddressItem address, RoutingContext context) throws RoutingException;
}
