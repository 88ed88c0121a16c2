package org.jexim.routing;

import java.util.Optional;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.address.RoutingException;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.lists.ExpandingListEnv;
import org.jexim.conf.lists.ListEnv;
import org.jexim.conf.lists.NamedLists;

/** The expansion context of one address inside a router: its variables plus the configuration's named lists. */
final class RouteExpansion implements ExpansionContext {
    private final ExpansionContext variables;
    private final NamedLists lists;
    private final AddressItem address;

    RouteExpansion(AddressItem address, RoutingContext context) {
        this.address = address;
        this.variables = context.variablesFor(address);
        this.lists = context.lists()::namedList;
    }

    @Override
    public Optional<String> variable(String name) {
        // as routers see them: the local part dequoted and lower-cased (unless caseful), the domain lower-cased
        if (name.equals("local_part")) {
            return Optional.of(RouteVariables.localPart(address));
        }
        if (name.equals("domain")) {
            return Optional.of(RouteVariables.domain(address));
        }
        return variables.variable(name);
    }

    @Override
    public boolean tainted(String name) {
        return variables.tainted(name);
    }

    @Override
    public Optional<String> header(String name, org.jexim.conf.expand.HeaderKind kind) {
        return variables.header(name, kind);
    }

    @Override
    public NamedLists namedLists() {
        return lists;
    }

    /** Expands a router option for this address. */
    static String expand(String text, AddressItem address, RoutingContext context) throws ExpansionException {
        if (text == null) {
            return null;
        }
        return Expander.expand(text, new RouteExpansion(address, context));
    }

    /**
     * Expands a precondition's list for this address: empty when the expansion is forced to
     * fail (the router is skipped, as in Exim), an error that defers routing otherwise.
     */
    static Optional<String> expandList(String list, AddressItem address, RoutingContext context)
            throws RoutingException {
        try {
            return Optional.of(expand(list, address, context));
        } catch (ExpansionException e) {
            if (e.forced()) {
                return Optional.empty();
            }
            throw new RoutingException("failed to expand \"" + list + "\": " + e.getMessage());
        }
    }

    /** Expands an option for this address, keeping whether the result is tainted. */
    static org.jexim.conf.expand.Expansion.Result expandWithTaint(String text, AddressItem address,
                                                                   RoutingContext context) throws ExpansionException {
        return Expander.parse(text).evaluateWithTaint(new RouteExpansion(address, context));
    }

    /** The list-matching environment (named lists, lookups) for this address. */
    static ListEnv listEnv(AddressItem address, RoutingContext context) {
        return new ExpandingListEnv(new RouteExpansion(address, context));
    }
}
