package org.jexim.routing;

import java.util.Optional;
import org.jexim.address.AddressItem;
import org.jexim.address.Precondition;
import org.jexim.address.RoutingContext;
import org.jexim.address.RoutingException;
import org.jexim.conf.expand.ExpansionException;

/**
 * A generic option whose expansion sets a variable in the precondition sequence
 * ({@code router_home_directory} sets $home); a forced failure leaves it unset.
 */
final class ExpandedSetting implements Precondition {
    private final String option;
    private final String text;
    private final String variable;

    ExpandedSetting(String option, String text, String variable) {
        this.option = option;
        this.text = text;
        this.variable = variable;
    }

    @Override
    public Optional<AddressItem> test(AddressItem address, RoutingContext context) throws RoutingException {
        try {
            return Optional.of(address.with(variable, RouteExpansion.expand(text, address, context)));
        } catch (ExpansionException e) {
            if (e.forced()) {
                return Optional.of(address);
            }
            throw new RoutingException("failed to expand \"" + text + "\" for " + option + ": " + e.getMessage());
        }
    }
}
