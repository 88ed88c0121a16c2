package org.jexim.mailets;

import org.jexim.address.AddressItem;
import org.jexim.address.Precondition;
import org.jexim.routing.RouterOutcome;
import org.jexim.transport.DeliveryLog;
import org.jexim.transport.HostsVariable;

/** Where each router outcome sends an address in the mailet container. */
final class Outcomes {
    static final String REROUTE = "reroute";
    static final String DEFER = "defer";
    static final String BOUNCE = "bounce";
    static final String TRANSPORT_PREFIX = "transport-";
    /** The per-address variable holding the reason of a failure or deferral. */
    static final String MESSAGE = "_message";
    /** The per-address variable naming the router that accepted it (R= in the log). */
    static final String ROUTER = "_router";
    /** The per-address variable holding a command's output that the bounce returns. */
    static final String OUTPUT = "_output";
    /** The per-address variables holding the refusing host and its reply, for the bounce's DSN part. */
    static final String REMOTE_MTA = "_remote_mta";
    static final String DIAGNOSTIC = "_diagnostic";
    /** What Exim's bounce says of an address a local transport failed (the log has the details). */
    static final String LOCAL_FAILURE = "local delivery failed";

    private Outcomes() {
    }

    /** Groups the address by where it goes next, and logs a routing failure or deferral. */
    static void place(RouterOutcome outcome, String router, RecipientGroups groups, DeliveryLog log, String messageId) {
        AddressItem a = router == null ? outcome.address() : outcome.address().with(ROUTER, router);
        switch (outcome.kind()) {
            case SKIP, DECLINE, PASS -> groups.stay(a.without(Precondition.ROUTER_VARIABLES).without(ROUTER));
            case ACCEPT -> groups.send(TRANSPORT_PREFIX + outcome.transport(), outcome.hosts().isEmpty() ? a
                    : a.with(HostsVariable.NAME, HostsVariable.encode(outcome.hosts())));
            case REDIRECT -> outcome.children().forEach(c -> {
                if (RouterOutcome.isPipeOrFile(c)) {
                    // -bt shows these; the server's transports do not take them yet: keep the parent queued
                    String m = "pipe and file deliveries from redirect (" + c.localPart() + ") are not supported by the jexim server yet";
                    groups.send(DEFER, a.with(MESSAGE, m));
                    log.deferred(messageId, a, router, null, m);
                } else {
                    groups.send(REROUTE, c);
                }
            });
            case DISCARD -> {
                // :blackhole: - the address is dropped on purpose
            }
            case FAIL -> {
                String message = outcome.message() == null || outcome.message().isEmpty()
                        ? "Unrouteable address" : outcome.message();
                groups.send(BOUNCE, a.with(MESSAGE, message));
                log.failed(messageId, a, router, null, message);
                groups.error(BOUNCE, a.address() + ": " + message);
            }
            case DEFER -> {
                groups.send(DEFER, a.with(MESSAGE, outcome.message()));
                log.deferred(messageId, a, router, null, outcome.message());
                groups.error(DEFER, a.address() + ": " + outcome.message());
            }
        }
    }
}
