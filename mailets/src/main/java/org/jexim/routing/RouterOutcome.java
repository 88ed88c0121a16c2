package org.jexim.routing;

import org.jexim.address.AddressItem;
import java.util.List;

/**
 * What a router decided for one address (spec, "Router outcomes"): accept with a transport,
 * decline, pass, fail or defer with a message, redirect to new addresses, or discard.
 * {@code address} carries the variables the router set.
 */
public record RouterOutcome(Kind kind, AddressItem address, String transport, String message,
                            List<AddressItem> children, List<RouteHost> hosts) {
    /** The outcomes Exim's routers give. */
    public enum Kind { ACCEPT, DECLINE, SKIP, PASS, FAIL, DEFER, REDIRECT, DISCARD }

    public static RouterOutcome accept(AddressItem address, String transport) {
        return new RouterOutcome(Kind.ACCEPT, address, transport, null, List.of(), List.of());
    }

    /** Preconditions not met: the router is skipped, which is a decline that no_more does not turn into a failure. */
    /** Accepted with the hosts a router (manualroute, ipliteral, dnslookup) found. */
    public static RouterOutcome accept(AddressItem address, String transport, List<RouteHost> hosts) {
        return new RouterOutcome(Kind.ACCEPT, address, transport, null, List.of(), List.copyOf(hosts));
    }

    public static RouterOutcome skipped(AddressItem address) {
        return new RouterOutcome(Kind.SKIP, address, null, null, List.of(), List.of());
    }

    /** The router passes: the next router (or pass_router) tries the address. */
    public static RouterOutcome pass(AddressItem address) {
        return new RouterOutcome(Kind.PASS, address, null, null, List.of(), List.of());
    }

    public static RouterOutcome decline(AddressItem address) {
        return new RouterOutcome(Kind.DECLINE, address, null, null, List.of(), List.of());
    }

    public static RouterOutcome fail(AddressItem address, String message) {
        return new RouterOutcome(Kind.FAIL, address, null, message, List.of(), List.of());
    }

    public static RouterOutcome defer(AddressItem address, String message) {
        return new RouterOutcome(Kind.DEFER, address, null, message, List.of(), List.of());
    }

    public static RouterOutcome redirect(AddressItem address, List<AddressItem> children) {
        return new RouterOutcome(Kind.REDIRECT, address, null, null, List.copyOf(children), List.of());
    }

    public static RouterOutcome discard(AddressItem address) {
        return new RouterOutcome(Kind.DISCARD, address, null, null, List.of(), List.of());
    }

    /** The variables carrying a router's errors_to, headers_add and headers_remove to delivery (Exim's addr->prop). */
    public static final String ERRORS_TO = "_errors_to";
    public static final String HEADERS_ADD = "_headers_add";
    public static final String HEADERS_REMOVE = "_headers_remove";
    public static final String FALLBACK_HOSTS = "_fallback_hosts";
    /**
     * The router's user and group (or system_filter_user/_group), under which a local transport
     * without its own user and group delivers a pipe, file or reply the router generated.
     */
    public static final String USER = "_router_user";
    public static final String GROUP = "_router_group";

    /** Exim's $address_pipe and $address_file: the text of a generated pipe or file, for its transport. */
    public static final String ADDRESS_PIPE = "address_pipe";
    public static final String ADDRESS_FILE = "address_file";
    /** The variable naming the transport of a generated pipe or file. */
    public static final String PFR_TRANSPORT = RedirectDriver.PFR_TRANSPORT;
    /** The variable holding why a generated pipe or file cannot be delivered. */
    public static final String PFR_ERROR = RedirectDriver.PFR_ERROR;

    /** Whether a child address is a pipe or file a redirect router generated (delivered by its router's transport). */
    public static boolean isPipeOrFile(AddressItem child) {
        return child.variables().containsKey(RedirectDriver.PFR);
    }
}
