package org.jexim.dnslists;

import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclServices;
import org.jexim.acl.AclSubject;
import org.jexim.acl.AclWhere;
import org.jexim.conf.model.AclItem;
import org.jexim.dns.DnsClient;
import org.jexim.dns.DnsSettings;

/**
 * The ACL condition {@code dnslists}: {@link DnsListCheck} on the expanded list for the
 * client, setting {@code $dnslist_domain}, {@code $dnslist_matched}, {@code $dnslist_value},
 * {@code $dnslist_text}. Answers are kept for the connection (bounded by their TTL), as Exim
 * keeps them, so a connection asks at most once per name and a new connection asks again.
 */
public final class DnsListsAclCondition implements AclCondition {
    private final AclServices services;
    private volatile DnsClient dns;

    public DnsListsAclCondition(AclServices services) {
        this.services = services;
    }

    private DnsClient dns() {
        if (dns == null) {
            dns = new DnsClient(org.jexim.dns.AclDns.settings(services));
        }
        return dns;
    }

    @Override
    public AclOutcome test(String value, AclItem item, AclSubject subject) {
        boolean notSmtp = subject.where() == AclWhere.NOTSMTP || subject.where() == AclWhere.NOTSMTP_START;
        DnsListResult r = new DnsListCheck(dns(),
                new DnsListCache(subject::variable, subject::setForSession)).check(value, subject.clientIp(), notSmtp,
                subject.where().eximName());
        r.variables().forEach(subject::set);
        r.logLines().stream().filter(l -> l.startsWith("DNS list lookup")).forEach(services.log()::main);
        return switch (r.code()) {
            case OK -> AclOutcome.TRUE;
            case FAIL -> AclOutcome.FALSE;
            case DEFER -> AclOutcome.defer(r.logLines().isEmpty() ? null : r.logLines().get(r.logLines().size() - 1));
            case ERROR -> AclOutcome.error(r.logLines().get(r.logLines().size() - 1));
        };
    }
}
