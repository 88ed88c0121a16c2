package org.jexim.routing;

import java.util.Locale;
import java.util.Optional;
import org.jexim.address.AddressItem;
import org.jexim.address.Precondition;
import org.jexim.address.RoutingContext;
import org.jexim.address.RoutingException;
import org.jexim.conf.expand.ExpansionException;

/** {@code condition}: the router runs unless the expansion is empty, "0", "no" or "false"; forced failure skips it. */
final class ConditionPrecondition implements Precondition {
    private final String text;

    ConditionPrecondition(String text) {
        this.text = text;
    }

    @Override
    public Optional<AddressItem> test(AddressItem address, RoutingContext context) throws RoutingException {
        String v;
        try {
            v = RouteExpansion.expand(text, address, context);
        } catch (ExpansionException e) {
            if (e.forced()) {
                return Optional.empty();
            }
            throw new RoutingException("failed to expand \"" + text + "\" for condition: " + e.getMessage());
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "", "0", "no", "false" -> Optional.empty();
            default -> Optional.of(address);
        };
    }
}
