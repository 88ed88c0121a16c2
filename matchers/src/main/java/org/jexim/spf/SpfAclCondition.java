package org.jexim.spf;

import org.jexim.acl.AclCondition;
import org.jexim.acl.AclEngine;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclServices;
import org.jexim.acl.AclSubject;
import org.jexim.conf.model.AclItem;
import org.jexim.dns.DnsSettings;

/**
 * The ACL conditions {@code spf} and {@code spf_guess}: checks the client with
 * {@link SpfChecker} (DNS as configured; receiving host {@code primary_hostname}; the
 * {@code spf_guess} and {@code spf_smtp_comment_template} main options), sets the
 * {@code $spf_*} variables and compares the result with the list.
 */
public final class SpfAclCondition implements AclCondition {
    private final AclServices services;
    private final boolean guess;

    public SpfAclCondition(AclServices services, boolean guess) {
        this.services = services;
        this.guess = guess;
    }

    @Override
    public AclOutcome test(String value, AclItem item, AclSubject subject) throws Exception {
        String ip = subject.clientIp();
        if (ip == null || ip.isEmpty()) {
            return AclOutcome.FALSE;
        }
        String guessRecord = services.option("spf_guess").orElse(null);
        String template = services.option("spf_smtp_comment_template").orElse(null);
        if (template != null) {
            template = AclEngine.expand(template, subject);
        }
        SpfChecker checker = new SpfChecker(org.jexim.dns.AclDns.settings(services),
                services.lists().primaryHostname(), guessRecord, template);
        String sender = subject.sender() == null ? "" : subject.sender();
        SpfResult r = checker.check(ip, sender, subject.variable("sender_helo_name").orElse(""), guess);
        // Exim's SPF variables are globals: the DATA ACL and ${authresults} still see them
        r.variables().forEach(subject::setForSession);
        return AclOutcome.of(SpfCondition.matches(value, r));
    }
}
