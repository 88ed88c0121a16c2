package org.jexim.routing;

import org.jexim.address.AddressItem;
import org.jexim.address.Precondition;
import org.jexim.address.RoutingContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Routes addresses through the routers in order, as Exim does: each address on its own,
 * redirected addresses start again at the first router, duplicates are delivered once.
 * This is what -bt/-bv use; the server runs the same {@link RouterDefinition}s one per
 * matcher/mailet pair.
 */
public final class RoutingEngine {
    private final List<RouterDefinition> routers;

    public RoutingEngine(List<RouterDefinition> routers) {
        this.routers = List.copyOf(routers);
    }

    /** The final outcome of one address (and its descendants): one entry per leaf address. */
    public List<RoutedAddress> route(List<AddressItem> addresses, RoutingContext context) {
        List<RoutedAddress> results = new ArrayList<>();
        Deque<AddressItem> pending = new ArrayDeque<>(addresses);
        Set<String> delivered = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            AddressItem address = pending.poll();
            RoutedAddress routed = routeOne(address, context);
            if (routed.outcome().kind() == RouterOutcome.Kind.REDIRECT) {
                pending.addAll(routed.outcome().children());
                continue;
            }
            if (routed.outcome().kind() == RouterOutcome.Kind.ACCEPT
                    && !delivered.add(address.address() + "\0" + routed.outcome().transport())) {
                continue;
            }
            results.add(routed);
        }
        return results;
    }

    /** Runs the routers on one address until one of them decides. */
    public RoutedAddress routeOne(AddressItem address, RoutingContext context) {
        for (RouterDefinition router : routers) {
            // each router sees only the variables its own preconditions set
            RouterOutcome outcome = router.route(address.without(Precondition.ROUTER_VARIABLES), context);
            switch (outcome.kind()) {
                case SKIP, DECLINE, PASS:
                    continue;
                default:
                    return new RoutedAddress(address, router.name(), outcome);
            }
        }
        return new RoutedAddress(address, null, RouterOutcome.fail(address, null));
    }

    /** One address with the router that decided its fate and the outcome. */
    public record RoutedAddress(AddressItem address, String router, RouterOutcome outcome) {
    }
}
