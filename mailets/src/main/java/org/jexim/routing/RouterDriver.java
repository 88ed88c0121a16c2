package org.jexim.routing;

import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
/** The work of one router driver (accept, redirect ...) once its preconditions have passed. */
public interface RouterDriver {
    RouterOutcome route(AddressItem address, RoutingContext context);
}
