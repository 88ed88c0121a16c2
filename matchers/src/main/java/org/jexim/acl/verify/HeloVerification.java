package org.jexim.acl.verify;

import java.util.Locale;
import org.jexim.acl.AclServices;
import org.jexim.acl.AclSubject;
import org.jexim.conf.lists.HostResolver;

/**
 * {@code verify = helo}, as Exim's smtp_verify_helo(): a literal [IP] must be the client's
 * address; a name must be the client's (forward-confirmed) host name, or resolve to the
 * client's address. The result is kept for the session in $helo_verified.
 */
final class HeloVerification {
    private final AclServices services;

    HeloVerification(AclServices services) {
        this.services = services;
    }

    boolean verified(AclSubject subject) {
        String done = subject.variable("_helo_verified").orElse(null);
        if (done != null) {
            return done.equals("1");
        }
        boolean ok = check(subject);
        subject.setForSession("_helo_verified", ok ? "1" : "0");
        return ok;
    }

    private boolean check(AclSubject subject) {
        String helo = subject.variable("sender_helo_name").orElse(null);
        String ip = subject.clientIp();
        if (helo == null) {
            return false;
        }
        if (ip == null) {
            return true;
        }
        if (helo.startsWith("[")) {
            String inside = helo.substring(1);
            return inside.startsWith(ip) || ip.toLowerCase(Locale.ROOT).startsWith("::ffff:")
                    && inside.startsWith(ip.substring(7));
        }
        if (subject.variable("sender_host_name").isEmpty() && subject.variable(HostNameLookup.FAILED).isEmpty()) {
            new HostNameLookup(services.resolver()).lookup(subject, new StringBuilder());
        }
        String name = subject.variable("sender_host_name").orElse(null);
        if (name != null && name.equalsIgnoreCase(helo)) {
            return true;
        }
        try {
            return services.resolver().addresses(helo).contains(ip);
        } catch (HostResolver.TryAgain e) {
            return false;
        }
    }
}
