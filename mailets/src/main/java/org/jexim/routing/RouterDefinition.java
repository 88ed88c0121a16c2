package org.jexim.routing;

import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.address.Precondition;
import org.jexim.address.RoutingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One router of the configure file, built by {@link RouterFactory} from its option texts:
 * preconditions in Exim's order, the driver, and the generic options that decide what
 * happens around it ({@code more}, {@code transport}, {@code address_data}, ...).
 */
public final class RouterDefinition {
    /** The variable that records, on an address, which routers its ancestors went through. */
    static final String ANCESTORS = "_ancestors";

    private final String name;
    private final List<Precondition> preconditions;
    private final List<String> unsupportedPreconditions;
    private final RouterDriver driver;
    private final boolean more;
    private final boolean verifyOnly;
    private final String addressData;

    RouterDefinition(String name, List<Precondition> preconditions, List<String> unsupportedPreconditions,
                     RouterDriver driver, boolean more, boolean verifyOnly, String addressData) {
        this.name = name;
        this.preconditions = List.copyOf(preconditions);
        this.unsupportedPreconditions = List.copyOf(unsupportedPreconditions);
        this.driver = driver;
        this.more = more;
        this.verifyOnly = verifyOnly;
        this.addressData = addressData;
    }

    public String name() {
        return name;
    }

    /** Runs this router on an address for delivery: preconditions, then the driver. */
    public RouterOutcome route(AddressItem address, RoutingContext context) {
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
        return routeAfterPreconditions(current, context);
    }

    /**
     * Runs the driver on an address whose list preconditions already passed (in James, the
     * router's matcher tested them). The preconditions jexim cannot test yet defer here.
     */
    public RouterOutcome routeAfterPreconditions(AddressItem address, RoutingContext context) {
        if (verifyOnly || alreadyHandled(address)) {
            return RouterOutcome.skipped(address);
        }
        if (!unsupportedPreconditions.isEmpty()) {
            return RouterOutcome.defer(address, "router " + name + ": precondition "
                    + String.join(", ", unsupportedPreconditions) + " is not implemented in jexim yet");
        }
        AddressItem current = address;
        if (addressData != null) {
            try {
                current = current.with("address_data", context.expand(addressData, current));
            } catch (org.jexim.conf.expand.ExpansionException e) {
                if (e.forced()) {
                    return RouterOutcome.decline(address);
                }
                return RouterOutcome.defer(address, "failed to expand \"" + addressData + "\": " + e.getMessage());
            }
        }
        RouterOutcome outcome = driver.route(current, context);
        if (outcome.kind() == RouterOutcome.Kind.REDIRECT) {
            List<AddressItem> children = new ArrayList<>();
            String ancestors = current.variables().getOrDefault(ANCESTORS, "") + current.address() + " " + name + "\n";
            outcome.children().forEach(c -> children.add(c.with(ANCESTORS, ancestors)));
            return RouterOutcome.redirect(outcome.address(), children);
        }
        if (outcome.kind() == RouterOutcome.Kind.DECLINE && !more) {
            return RouterOutcome.fail(outcome.address(), null);
        }
        return outcome;
    }

    /** Exim does not route an address through a router that one of its ancestors (same address) went through. */
    private boolean alreadyHandled(AddressItem address) {
        String ancestors = address.variables().getOrDefault(ANCESTORS, "");
        return ancestors.contains(address.address() + " " + name + "\n");
    }
}
