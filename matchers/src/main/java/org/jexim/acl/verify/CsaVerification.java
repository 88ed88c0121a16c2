package org.jexim.acl.verify;

import java.util.List;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclServices;
import org.jexim.acl.AclSubject;
import org.jexim.dns.AclDns;
import org.jexim.dns.CsaCheck;
import org.jexim.dns.CsaResult;
import org.jexim.dns.DnsClient;

/**
 * {@code verify = csa[/DOMAIN]}: Client SMTP Authorization through {@link CsaCheck} with the
 * configuration's DNS settings; sets $csa_status, and the messages read "client SMTP
 * authorization " and the reason, as Exim's. Only a definite failure is false.
 */
final class CsaVerification {
    private final AclServices services;
    private volatile DnsClient dns;

    CsaVerification(AclServices services) {
        this.services = services;
    }

    AclOutcome verify(AclSubject subject, List<String> options) {
        if (dns == null) {
            dns = new DnsClient(AclDns.settings(services));
        }
        String domain = options.isEmpty() ? "" : options.get(0);
        CsaResult r = new CsaCheck(dns, subject::variable, subject::setForSession)
                .check(domain, subject.variable("sender_helo_name").orElse(null), subject.clientIp());
        subject.set("csa_status", r.status());
        return new AclOutcome(r.passes() ? AclOutcome.Code.OK : AclOutcome.Code.FAIL, r.message(), r.message());
    }
}
