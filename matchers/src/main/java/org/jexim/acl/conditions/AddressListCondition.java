package org.jexim.acl.conditions;

import java.util.function.Function;
import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.conf.model.AclItem;
import org.jexim.lists.ListMatch;
import org.jexim.lists.ListMatcher;

/**
 * {@code senders = LIST} and {@code recipients = LIST}: an envelope address against an
 * address list; a lookup's data goes to $sender_data or $recipient_data.
 */
public final class AddressListCondition implements AclCondition {
    private final ListMatcher addresses;
    private final Function<AclSubject, String> address;
    private final String dataVariable;

    private AddressListCondition(ListMatcher addresses, Function<AclSubject, String> address, String dataVariable) {
        this.addresses = addresses;
        this.address = address;
        this.dataVariable = dataVariable;
    }

    public static AddressListCondition senders(ListMatcher addresses) {
        return new AddressListCondition(addresses, s -> s.sender() == null ? "" : s.sender(), "sender_data");
    }

    public static AddressListCondition recipients(ListMatcher addresses) {
        return new AddressListCondition(addresses, AclSubject::recipient, "recipient_data");
    }

    @Override
    public AclOutcome test(String value, AclItem item, AclSubject subject) throws Exception {
        ListMatch m = addresses.match(value, address.apply(subject));
        m.data().ifPresent(d -> subject.set(dataVariable, d));
        return AclOutcome.of(m.matched());
    }
}
