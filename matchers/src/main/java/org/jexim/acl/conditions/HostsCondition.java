package org.jexim.acl.conditions;

import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.conf.model.AclItem;
import org.jexim.lists.ListMatch;
import org.jexim.lists.ListMatcher;

/** {@code hosts = LIST}: the client's IP address (none for a local submission) against a host list; sets $host_data. */
public final class HostsCondition implements AclCondition {
    private final ListMatcher hosts;

    public HostsCondition(ListMatcher hosts) {
        this.hosts = hosts;
    }

    @Override
    public AclOutcome test(String value, AclItem item, AclSubject subject) throws Exception {
        ListMatch m = hosts.match(value, subject.clientIp());
        m.data().ifPresent(d -> subject.set("host_data", d));
        return AclOutcome.of(m.matched());
    }
}
