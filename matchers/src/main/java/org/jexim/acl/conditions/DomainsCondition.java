package org.jexim.acl.conditions;

import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.conf.model.AclItem;
import org.jexim.lists.ListMatch;
import org.jexim.lists.ListMatcher;

/** {@code domains = LIST}: the recipient's domain (RCPT, VRFY, PRDR); sets $domain_data. */
public final class DomainsCondition implements AclCondition {
    private final ListMatcher domains;

    public DomainsCondition(ListMatcher domains) {
        this.domains = domains;
    }

    @Override
    public AclOutcome test(String value, AclItem item, AclSubject subject) throws Exception {
        ListMatch m = domains.match(value, subject.domain());
        m.data().ifPresent(d -> subject.set("domain_data", d));
        return AclOutcome.of(m.matched());
    }
}
