package org.jexim.routing;

import java.util.Optional;
import org.jexim.address.AddressItem;
import org.jexim.address.Precondition;
import org.jexim.address.RoutingContext;
import org.jexim.address.RoutingException;
import org.jexim.conf.lists.ListEnv;
import org.jexim.conf.lists.ListMatch;
import org.jexim.conf.lists.Lists;

/**
 * The {@code domains}, {@code local_parts} and {@code senders} preconditions, matched with
 * conf's list matcher; a lookup's value becomes $domain_data or $local_part_data.
 */
final class ListOptionPrecondition implements Precondition {
    /** Which list and subject an option tests. */
    enum Kind { DOMAINS, LOCAL_PARTS, SENDERS }

    private final Kind kind;
    private final String list;
    private final boolean caseful;

    ListOptionPrecondition(Kind kind, String list, boolean caseful) {
        this.kind = kind;
        this.list = list;
        this.caseful = caseful;
    }

    @Override
    public Optional<AddressItem> test(AddressItem address, RoutingContext context) throws RoutingException {
        Optional<String> expandedList = RouteExpansion.expandList(list, address, context);
        if (expandedList.isEmpty()) {
            return Optional.empty();
        }
        String expanded = expandedList.get();
        ListEnv env = RouteExpansion.listEnv(address, context);
        ListMatch m = switch (kind) {
            case DOMAINS -> Lists.domain(RouteVariables.domain(address), expanded, env);
            case LOCAL_PARTS -> Lists.localPart(RouteVariables.localPart(address), expanded, env, !caseful);
            case SENDERS -> Lists.address(RouteVariables.sender(address, context), expanded, env, true);
        };
        if (m.deferred()) {
            throw new RoutingException(name() + " check lookup or other defer: " + m.error());
        }
        if (!m.matched()) {
            return Optional.empty();
        }
        if (m.value() != null && kind != Kind.SENDERS) {
            return Optional.of(address.with(kind == Kind.DOMAINS ? "domain_data" : "local_part_data", m.value()));
        }
        return Optional.of(address);
    }

    private String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
