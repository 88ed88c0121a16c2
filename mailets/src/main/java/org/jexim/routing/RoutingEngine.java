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

    /** The variable naming the router after which an unseen copy of an address starts. */
    static final String START_AFTER = "_start_after";
    /** The variable that keeps an unseen copy apart from the original in duplicate checks. */
    public static final String UNIQUE = "_unique";

    /**
     * Runs the routers on one address until one of them decides; none deciding is
     * "Unrouteable address". A router with {@code unseen} that accepts gives a redirect to two
     * children (Exim's copy): the accepted address and a copy that starts at the next router.
     */
    public RoutedAddress routeOne(AddressItem address, RoutingContext context) {
        String acceptedBy = address.variables().get(ACCEPTED_BY);
        if (acceptedBy != null) {
            return new RoutedAddress(address.without(ACCEPTED_BY, ACCEPTED_TRANSPORT), acceptedBy,
                    RouterOutcome.accept(address.without(ACCEPTED_BY, ACCEPTED_TRANSPORT),
                            address.variables().get(ACCEPTED_TRANSPORT)));
        }
        int i = startIndex(address);
        RouterDefinition last = null;
        while (i < routers.size()) {
            RouterDefinition router = routers.get(i);
            last = router;
            // each router sees only the variables its own preconditions set
            RouterOutcome outcome = router.route(address.without(RouteVariables.ROUTER_LOCAL), context);
            switch (outcome.kind()) {
                case SKIP, DECLINE:
                    i++;
                    continue;
                case PASS:
                    i = router.passRouter() == null ? i + 1 : indexOf(router.passRouter());
                    continue;
                case ACCEPT:
                    if (router.unseen()) {
                        return unseen(address, router, outcome);
                    }
                    return new RoutedAddress(address, router.name(), outcome);
                default:
                    return new RoutedAddress(address, router.name(), outcome);
            }
        }
        // as in Exim, the last router considered (even one whose preconditions failed) names the failure
        String message = last == null ? RouterDefinition.UNROUTEABLE
                : last.cannotRouteMessage(address.without(RouteVariables.ROUTER_LOCAL), context);
        return new RoutedAddress(address, null, RouterOutcome.fail(address, message));
    }

    private RoutedAddress unseen(AddressItem address, RouterDefinition router, RouterOutcome outcome) {
        AddressItem parent = address.parent().orElse(null);
        AddressItem copyParent = new AddressItem(address.localPart(), address.domain(), parent, address.variables());
        AddressItem accepted = new AddressItem(address.localPart(), address.domain(), copyParent,
                outcome.address().variables());
        AddressItem copy = new AddressItem(address.localPart(), address.domain(), copyParent, address.variables())
                .with(START_AFTER, router.name()).with(UNIQUE, "\\" + address.address());
        AddressItem acceptedWithOutcome = accepted.with(ACCEPTED_BY, router.name())
                .with(ACCEPTED_TRANSPORT, outcome.transport());
        return new RoutedAddress(address, router.name(),
                RouterOutcome.redirect(address, List.of(acceptedWithOutcome, copy)));
    }

    /** Variables that mark a child the unseen router already accepted (it is not routed again). */
    static final String ACCEPTED_BY = "_accepted_by";
    static final String ACCEPTED_TRANSPORT = "_accepted_transport";

    private int startIndex(AddressItem address) {
        String after = address.variables().get(START_AFTER);
        return after == null ? 0 : indexOf(after) + 1;
    }

    private int indexOf(String name) {
        for (int i = 0; i < routers.size(); i++) {
            if (routers.get(i).name().equals(name)) {
                return i;
            }
        }
        return routers.size();
    }

    /** One address with the router that decided its fate and the outcome. */
    public record RoutedAddress(AddressItem address, String router, RouterOutcome outcome) {
    }
}
