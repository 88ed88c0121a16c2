package org.jexim.routing;

import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.expand.ExpansionException;

/** The accept router: the address goes to the router's transport. */
final class AcceptDriver implements RouterDriver {
    private final String routerName;
    private final String transport;

    AcceptDriver(String routerName, String transport) {
        this.routerName = routerName;
        this.transport = transport;
    }

    @Override
    public RouterOutcome route(AddressItem address, RoutingContext context) {
        if (transport == null) {
            return RouterOutcome.defer(address, "router " + routerName + ": no transport defined");
        }
        try {
            return RouterOutcome.accept(address, RouteExpansion.expand(transport, address, context));
        } catch (ExpansionException e) {
            return RouterOutcome.defer(address, "failed to expand transport name \"" + transport + "\" in "
                    + routerName + " router: " + e.getMessage());
        }
    }
}
