package org.jexim.acl.conditions;

import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.conf.model.AclItem;
import org.jexim.lists.ListMatch;
import org.jexim.lists.ListMatcher;

/** {@code local_parts = LIST}: the recipient's local part, as given (caseful); sets $local_part_data. */
public final class LocalPartsCondition implements AclCondition {
    private final ListMatcher localParts;

    public LocalPartsCondition(ListMatcher localParts) {
        this.localParts = localParts;
    }

    @Override
    public AclOutcome test(String value, AclItem item, AclSubject subject) throws Exception {
        ListMatch m = localParts.match(value, subject.localPart());
        m.data().ifPresent(d -> subject.set("local_part_data", d));
        return AclOutcome.of(m.matched());
    }
}
