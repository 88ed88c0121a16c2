package org.jexim.routing;

import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
/**
 * A router whose driver jexim translates (all its options are kept) but cannot run yet: every
 * address it would handle is deferred with a message saying so, never silently dropped.
 */
final class UnsupportedDriver implements RouterDriver {
    private final String routerName;
    private final String driver;

    UnsupportedDriver(String routerName, String driver) {
        this.routerName = routerName;
        this.driver = driver;
    }

    @Override
    public RouterOutcome route(AddressItem address, RoutingContext context) {
        return RouterOutcome.defer(address, "router " + routerName + ": driver " + driver
                + " is not implemented in jexim yet");
    }
}
