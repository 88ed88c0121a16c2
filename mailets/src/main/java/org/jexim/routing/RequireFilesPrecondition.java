package org.jexim.routing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jexim.address.AddressItem;
import org.jexim.address.Precondition;
import org.jexim.address.RoutingContext;
import org.jexim.address.RoutingException;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.lists.ExiList;

/**
 * {@code require_files}: each listed file must exist ({@code !file}: must not); items are
 * expanded one by one, a forced expansion failure skips the router. User/group items are
 * accepted and ignored (jexim checks as the running user).
 */
final class RequireFilesPrecondition implements Precondition {
    private final String list;

    RequireFilesPrecondition(String list) {
        this.list = list;
    }

    @Override
    public Optional<AddressItem> test(AddressItem address, RoutingContext context) throws RoutingException {
        for (String item : ExiList.items(list)) {
            String expanded;
            try {
                expanded = RouteExpansion.expand(item, address, context);
            } catch (ExpansionException e) {
                if (e.forced()) {
                    return Optional.empty();
                }
                throw new RoutingException("failed to expand \"" + item + "\" for require_files: " + e.getMessage());
            }
            if (expanded.startsWith("+") || !(expanded.startsWith("/") || expanded.startsWith("!"))) {
                continue; // a user (and group) to check the next files as: jexim checks as itself
            }
            boolean invert = expanded.startsWith("!");
            String file = invert ? expanded.substring(1) : expanded;
            if (!file.startsWith("/")) {
                throw new RoutingException("require_files: \"" + file + "\" is not absolute");
            }
            if (Files.exists(Path.of(file)) == invert) {
                return Optional.empty();
            }
        }
        return Optional.of(address);
    }
}
