package org.jexim.acl.verify;

import java.util.List;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclServices;
import org.jexim.acl.AclSubject;

/**
 * {@code verify = reverse_host_lookup[/defer_ok]}: the client's IP address must have a name
 * whose addresses include it (Exim's acl_verify_reverse); true for a local submission.
 */
final class ReverseHostLookup {
    private final AclServices services;

    ReverseHostLookup(AclServices services) {
        this.services = services;
    }

    AclOutcome verify(AclSubject subject, List<String> options) {
        if (subject.clientIp() == null) {
            return AclOutcome.TRUE;
        }
        AclOutcome result = check(subject);
        if (result.code() == AclOutcome.Code.DEFER && options.stream().anyMatch(o -> o.equalsIgnoreCase("defer_ok"))) {
            return AclOutcome.TRUE;
        }
        return result;
    }

    private AclOutcome check(AclSubject subject) {
        if (subject.variable("sender_host_name").isPresent()) {
            return AclOutcome.TRUE;
        }
        String failed = subject.variable(HostNameLookup.FAILED).orElse(null);
        if (failed != null) {
            return AclOutcome.FALSE.withLogMessage("host lookup failed" + failed);
        }
        StringBuilder reason = new StringBuilder();
        AclOutcome.Code rc = new HostNameLookup(services.resolver()).lookup(subject, reason);
        return switch (rc) {
            case OK -> AclOutcome.TRUE;
            case DEFER -> AclOutcome.defer("host lookup deferred for reverse lookup check");
            default -> AclOutcome.FALSE.withLogMessage("host lookup failed for reverse lookup check" + reason);
        };
    }
}
