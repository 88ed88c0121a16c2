package org.jexim.address;

import java.util.Optional;
import java.util.function.Function;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.lists.ListContext;
import org.jexim.lists.ListException;
import org.jexim.lists.ListMatch;
import org.jexim.lists.ListMatcher;

/**
 * The {@code domains} and {@code local_parts} preconditions: the (expanded) list must match,
 * and a lookup's value becomes $domain_data or $local_part_data.
 */
public final class ListPrecondition implements Precondition {
    private final String option;
    private final String list;
    private final Function<ListContext, ListMatcher> matcher;
    private final Function<AddressItem, String> subject;
    private final String dataVariable;

    private ListPrecondition(String option, String list, Function<ListContext, ListMatcher> matcher,
                             Function<AddressItem, String> subject, String dataVariable) {
        this.option = option;
        this.list = list;
        this.matcher = matcher;
        this.subject = subject;
        this.dataVariable = dataVariable;
    }

    public static ListPrecondition domains(String list) {
        return new ListPrecondition("domains", list, ListMatcher::domains, AddressItem::domain, "domain_data");
    }

    public static ListPrecondition localParts(String list) {
        return new ListPrecondition("local_parts", list, ListMatcher::localParts, AddressItem::localPart,
                "local_part_data");
    }

    @Override
    public Optional<AddressItem> test(AddressItem address, RoutingContext context) throws RoutingException {
        try {
            String expanded = context.expand(list, address);
            ListMatch m = matcher.apply(context.lists()).match(expanded, subject.apply(address));
            if (!m.matched()) {
                return Optional.empty();
            }
            return Optional.of(m.data().map(d -> address.with(dataVariable, d)).orElse(address));
        } catch (ExpansionException e) {
            if (e.forced()) {
                return Optional.empty();
            }
            throw new RoutingException("failed to expand \"" + list + "\" in " + option + ": " + e.getMessage());
        } catch (ListException e) {
            throw new RoutingException(option + " check lookup or other defer: " + e.getMessage());
        }
    }
}
