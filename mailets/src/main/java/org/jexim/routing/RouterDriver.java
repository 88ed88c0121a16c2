package org.jexim.routing;

import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.address.Precondition;
import org.jexim.address.ListPrecondition;
import org.jexim.address.RoutingException;
/** The work of one router driver (accept, redirect ...) once its preconditions have passed. */
public interface RouterDriver {
    RouterOutcome route(AddressItem address, RoutingContext context);
}
