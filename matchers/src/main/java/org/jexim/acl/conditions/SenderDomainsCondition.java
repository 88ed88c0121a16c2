package org.jexim.acl.conditions;

import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.conf.model.AclItem;
import org.jexim.lists.ListMatcher;

/** {@code sender_domains = LIST}: the sender's domain ("" for the null sender) against a domain list. */
public final class SenderDomainsCondition implements AclCondition {
    private final ListMatcher domains;

    public SenderDomainsCondition(ListMatcher domains) {
        this.domains = domains;
    }

    @Override
    public AclOutcome test(String value, AclItem item, AclSubject subject) throws Exception {
        String sender = subject.sender() == null ? "" : subject.sender();
        int at = sender.lastIndexOf('@');
        return AclOutcome.of(domains.match(value, at < 0 ? "" : sender.substring(at + 1)).matched());
    }
}
