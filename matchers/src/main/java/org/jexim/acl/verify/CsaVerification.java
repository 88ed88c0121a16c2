package org.jexim.acl.verify;

import java.util.List;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclServices;
import org.jexim.acl.AclSubject;

/**
 * {@code verify = csa[/DOMAIN]}: Client SMTP Authorization. jexim's resolver has no SRV
 * lookups, so every client is "unknown" (true), which is what Exim answers for a domain that
 * publishes no _client._smtp records; $csa_status is set and the messages read
 * "client SMTP authorization unknown".
 */
final class CsaVerification {
    CsaVerification(AclServices services) {
    }

    AclOutcome verify(AclSubject subject, List<String> options) {
        subject.set("csa_status", "unknown");
        String text = "client SMTP authorization unknown";
        return new AclOutcome(AclOutcome.Code.OK, text, text);
    }
}
