package org.jexim.mailets;

import org.jexim.address.AddressItem;
import org.jexim.routing.RouterOutcome;

/** Where each router outcome sends an address in the mailet container. */
final class Outcomes {
    static final String REROUTE = "reroute";
    static final String DEFER = "defer";
    static final String BOUNCE = "bounce";
    static final String TRANSPORT_PREFIX = "transport-";
    /** The per-address variable holding the reason of a failure or deferral. */
    static final String MESSAGE = "_message";

    private Outcomes() {
    }

    static void place(RouterOutcome outcome, RecipientGroups groups) {
        AddressItem a = outcome.address();
        switch (outcome.kind()) {
            case SKIP, DECLINE, PASS -> groups.stay(a);
            case ACCEPT -> groups.send(TRANSPORT_PREFIX + outcome.transport(), a);
            case REDIRECT -> outcome.children().forEach(c -> groups.send(REROUTE, c));
            case DISCARD -> {
                // :blackhole: - the address is dropped on purpose
            }
            case FAIL -> {
                String message = outcome.message() == null || outcome.message().isEmpty()
                        ? "Unrouteable address" : outcome.message();
                groups.send(BOUNCE, a.with(MESSAGE, message));
                groups.error(BOUNCE, a.address() + ": " + message);
            }
            case DEFER -> {
                groups.send(DEFER, a.with(MESSAGE, outcome.message()));
                groups.error(DEFER, a.address() + ": " + outcome.message());
            }
        }
    }
}
