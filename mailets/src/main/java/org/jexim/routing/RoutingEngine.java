package org.jexim.routing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;

/**
 * Routes addresses through the routers in order, as Exim does: each address on its own,
 * redirected addresses start again at the first router, duplicates are delivered once.
 * -bt/-bv ({@link AddressVerifier}) and the server's router mailets use this same engine.
 */
public final class RoutingEngine {
    private final List<RouterDefinition> routers;

    public RoutingEngine(List<RouterDefinition> routers) {
        this.routers = List.copyOf(routers);
    }

    /** The final outcome of addresses and their descendants: one entry per leaf address, in routing order. */
    public List<RoutedAddress> route(List<AddressItem> addresses, RoutingContext context) {
        List<RoutedAddress> results = new ArrayList<>();
        Deque<AddressItem> pending = new ArrayDeque<>(addresses);
        Set<String> delivered = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            AddressItem address = pending.poll();
            if (address.variables().containsKey(RedirectDriver.PFR)) {
                continue;
            }
            RoutedAddress routed = routeOne(address, context);
            List<AddressItem> children = routed.outcome().children();
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.addFirst(children.get(i));
            }
            if (routed.outcome().kind() == RouterOutcome.Kind.REDIRECT) {
                continue;
            }
            if (routed.outcome().kind() == RouterOutcome.Kind.ACCEPT && address.parent().isPresent()
                    && !delivered.add(address.address())) {
                continue;
            }
            results.add(routed);
        }
        return results;
    }

    /** Runs the routers on one address until one of them decides; none deciding is "Unrouteable address". */
    public RoutedAddress routeOne(AddressItem address, RoutingContext context) {
        for (RouterDefinition router : routers) {
            // each router sees only the variables its own preconditions set
            RouterOutcome outcome = router.route(address.without(RouteVariables.ROUTER_LOCAL), context);
            switch (outcome.kind()) {
                case SKIP, DECLINE, PASS:
                    continue;
                default:
                    return new RoutedAddress(address, router.name(), outcome);
            }
        }
        return new RoutedAddress(address, null, RouterOutcome.fail(address, RouterDefinition.UNROUTEABLE));
    }

    /** One address with the router that decided its fate and the outcome. */
    public record RoutedAddress(AddressItem address, String router, RouterOutcome outcome) {
    }
}
