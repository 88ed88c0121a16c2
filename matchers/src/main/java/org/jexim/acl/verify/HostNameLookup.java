package org.jexim.acl.verify;

import java.util.List;
import java.util.Locale;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.conf.lists.HostResolver;

/**
 * Exim's host_name_lookup(): the client's name from a PTR lookup, accepted only when one of
 * the name's addresses is the client's (forward confirmation). The result is kept for the
 * session in $sender_host_name (and the failure text for later checks).
 */
final class HostNameLookup {
    static final String FAILED = "_host_lookup_failed";

    private final HostResolver resolver;

    HostNameLookup(HostResolver resolver) {
        this.resolver = resolver;
    }

    /** OK with $sender_host_name set, FAIL with {@code logMessage} the reason's tail, or DEFER. */
    AclOutcome.Code lookup(AclSubject subject, StringBuilder reason) {
        String ip = subject.clientIp();
        List<String> names;
        try {
            names = resolver.names(ip);
        } catch (HostResolver.TryAgain e) {
            return AclOutcome.Code.DEFER;
        }
        if (names.isEmpty()) {
            return failed(subject, reason, " (failed to find host name from IP address)");
        }
        String first = null;
        for (String name : names) {
            String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
            n = n.toLowerCase(Locale.ROOT);
            first = first == null ? n : first;
            try {
                if (resolver.addresses(n).contains(ip)) {
                    subject.setForSession("sender_host_name", n);
                    return AclOutcome.Code.OK;
                }
            } catch (HostResolver.TryAgain e) {
                return AclOutcome.Code.DEFER;
            }
        }
        return failed(subject, reason, " (" + ip + " does not match any IP address for " + first + ")");
    }

    private static AclOutcome.Code failed(AclSubject subject, StringBuilder reason, String message) {
        subject.setForSession(FAILED, message);
        reason.append(message);
        return AclOutcome.Code.FAIL;
    }
}
