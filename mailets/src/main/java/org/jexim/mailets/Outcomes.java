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
    /** Set on an address a transport failed: "local" or "remote" (Exim's order of failures in a bounce). */
    static final String FAILED_IN = "_failed_in";
    /** Set on a deferred address whose transport froze the message (pipe's freeze_exec_fail). */
    static final String FREEZE = "_freeze";
    /** What Exim's bounce says of an address a local transport failed (the log has the details). */
    static final String LOCAL_FAILURE = org.jexim.transport.DeliveryResult.LOCAL_FAILURE;

    private Outcomes() {
    }

    /**
     * A pipe or file a redirect router generated goes to the router's pipe_transport or
     * file_transport as a recipient of its own: the parent's domain with the command or path
     * as a quoted local part (unique, and a valid address for James), the text itself in
     * $address_pipe / $address_file; one that could not be set up defers its parent.
     */
    private static void placePipeOrFile(AddressItem child, AddressItem parent, String router, RecipientGroups groups,
                                        DeliveryLog log, String messageId) {
        String error = child.variables().get(RouterOutcome.PFR_ERROR);
        String transport = child.variables().get(RouterOutcome.PFR_TRANSPORT);
        if (error != null || transport == null) {
            String m = error == null ? "no transport for " + child.localPart() : error;
            groups.send(DEFER, parent.with(MESSAGE, m));
            log.deferred(messageId, parent, router, null, m);
            return;
        }
        boolean pipe = child.localPart().startsWith("|");
        String quoted = "\"" + child.localPart().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        AddressItem item = new AddressItem(quoted, parent.domain(), parent, child.variables())
                .with(pipe ? RouterOutcome.ADDRESS_PIPE : RouterOutcome.ADDRESS_FILE, child.localPart());
        if (router != null) { // null: made by the system filter, not by a router
            item = item.with(ROUTER, router);
        }
        groups.send(TRANSPORT_PREFIX + transport, item);
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
                    placePipeOrFile(c, a, router, groups, log, messageId);
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
