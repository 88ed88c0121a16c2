package org.jexim.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jexim.address.AddressItem;
import org.jexim.address.Precondition;
import org.jexim.address.RoutingContext;
import org.jexim.address.RoutingException;
import org.jexim.conf.expand.ExpansionException;

/**
 * One router of the configure file, built by {@link RouterFactory} from its option texts:
 * preconditions in Exim's order, the driver, and the generic options that decide what
 * happens around it ({@code more}, {@code address_data}, {@code cannot_route_message}, ...).
 */
public final class RouterDefinition {
    /** The variable that records, on an address, which routers its ancestors went through. */
    static final String ANCESTORS = "_ancestors";
    /** The message of an address no router accepted. */
    static final String UNROUTEABLE = "Unrouteable address";

    private final String name;
    private final List<Precondition> preconditions;
    private final RouterDriver driver;
    private final boolean more;
    private final boolean repeatUse;
    private final String addressData;
    private final String cannotRouteMessage;
    private final boolean unseen;
    private final String passRouter;
    private final AddressProperties properties;

    RouterDefinition(String name, List<Precondition> preconditions, RouterDriver driver, boolean more,
                     boolean repeatUse, String addressData, String cannotRouteMessage, boolean unseen,
                     String passRouter, AddressProperties properties) {
        this.properties = properties;
        this.unseen = unseen;
        this.passRouter = passRouter;
        this.name = name;
        this.preconditions = List.copyOf(preconditions);
        this.driver = driver;
        this.more = more;
        this.repeatUse = repeatUse;
        this.addressData = addressData;
        this.cannotRouteMessage = cannotRouteMessage;
    }

    public String name() {
        return name;
    }

    /** {@code unseen}: an accepted address is also offered, as a copy, to the next routers. */
    public boolean unseen() {
        return unseen;
    }

    /** {@code pass_router}: where a passed address goes on, or null for the next router. */
    public String passRouter() {
        return passRouter;
    }

    /** Runs this router on an address: preconditions in Exim's order, then the driver. */
    public RouterOutcome route(AddressItem address, RoutingContext context) {
        if (alreadyHandled(address)) {
            return RouterOutcome.skipped(address);
        }
        AddressItem current = address;
        try {
            for (Precondition p : preconditions) {
                Optional<AddressItem> passed = p.test(current, context);
                if (passed.isEmpty()) {
                    return RouterOutcome.skipped(address);
                }
                current = passed.get();
            }
        } catch (RoutingException e) {
            return RouterOutcome.defer(address, e.getMessage());
        }
        if (addressData != null) {
            try {
                current = current.with("address_data", RouteExpansion.expand(addressData, current, context));
            } catch (ExpansionException e) {
                if (e.forced()) {
                    return declined(address, context);
                }
                return RouterOutcome.defer(address, "failed to expand \"" + addressData + "\": " + e.getMessage());
            }
        }
        RouterOutcome outcome = properties.apply(driver.route(current, context), address, context);
        if (outcome.kind() == RouterOutcome.Kind.REDIRECT) {
            List<AddressItem> children = new ArrayList<>();
            String ancestors = current.variables().getOrDefault(ANCESTORS, "") + key(current) + "\n";
            outcome.children().forEach(c -> children.add(c.with(ANCESTORS, ancestors)));
            return RouterOutcome.redirect(outcome.address(), children);
        }
        if (outcome.kind() == RouterOutcome.Kind.DECLINE) {
            return declined(address, context); // the next router starts from the address as it came
        }
        return outcome;
    }

    /**
     * The same as {@link #route}: in James the router's matcher may have tested the list
     * preconditions already, but the engine tests them all again so that the server routes
     * exactly as -bt does.
     */
    public RouterOutcome routeAfterPreconditions(AddressItem address, RoutingContext context) {
        return route(address, context);
    }

    /** A decline; with no_more the address fails with cannot_route_message. */
    private RouterOutcome declined(AddressItem address, RoutingContext context) {
        if (more) {
            return RouterOutcome.decline(address);
        }
        return RouterOutcome.fail(address, cannotRouteMessage(address, context));
    }

    /** The message for an address this router was the last to decline. */
    String cannotRouteMessage(AddressItem address, RoutingContext context) {
        if (cannotRouteMessage == null) {
            return UNROUTEABLE;
        }
        try {
            return RouteExpansion.expand(cannotRouteMessage, address, context);
        } catch (ExpansionException e) {
            return UNROUTEABLE;
        }
    }

    private String key(AddressItem address) {
        return address.address() + " " + name;
    }

    /** Loop protection: skip this router when an ancestor with the same address went through it. */
    private boolean alreadyHandled(AddressItem address) {
        String ancestors = address.variables().getOrDefault(ANCESTORS, "");
        if (!repeatUse && ("\n" + ancestors).contains(" " + name + "\n")) {
            return true; // repeat_use unset: no descendant of an address this router handled
        }
        return ("\n" + ancestors).contains("\n" + key(address) + "\n");
    }
}
