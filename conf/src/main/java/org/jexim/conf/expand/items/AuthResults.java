package org.jexim.conf.expand.items;

import org.jexim.conf.expand.Eval;

/**
 * The Authentication-Results header of ${authresults{host}}: iprev and smtp auth parts from the
 * session, then the SPF part (from $spf_result) and the DKIM part, which the DKIM stage leaves
 * in the variable "authres:dkim", as Exim's authres_* functions write them.
 */
final class AuthResults {
    private AuthResults() {
    }

    static String header(Eval ev, String sysname) {
        StringBuilder g = new StringBuilder("Authentication-Results: ").append(sysname);
        String name = ev.variable("sender_host_name");
        String addr = ev.variable("sender_host_address");
        boolean iprev = true;
        if (name != null && !name.isEmpty()) {
            g.append(";\n\tiprev=pass (").append(name).append(')');
        } else if ("1".equals(ev.variable("host_lookup_deferred"))) {
            g.append(";\n\tiprev=temperror");
        } else if ("1".equals(ev.variable("host_lookup_failed"))) {
            g.append(";\n\tiprev=fail");
        } else {
            iprev = false;
        }
        if (iprev && addr != null && !addr.isEmpty()) {
            g.append(" smtp.remote-ip=").append(addr);
        }
        String method = ev.variable("sender_host_authenticated");
        if (method != null && !method.isEmpty()) {
            String id = ev.variable("authenticated_id");
            g.append(";\n\tauth=pass (").append(method);
            if (method.equals("tls")) {
                g.append(id != null && !id.isEmpty() ? ") x509.auth=" + id : ") reason=x509.auth");
            } else {
                g.append(id != null && !id.isEmpty() ? ") smtp.auth=" + id : ", no id saved)");
            }
            String sender = ev.variable("authenticated_sender");
            if (sender != null && !sender.isEmpty()) {
                g.append(" smtp.mailfrom=").append(sender);
            }
        }
        spf(ev, g);
        String dkim = ev.variable("authres:dkim");
        if (dkim != null) {
            g.append(dkim);
        }
        return g.toString();
    }

    /** Exim's authres_spf. */
    private static void spf(Eval ev, StringBuilder g) {
        String result = ev.variable("spf_result");
        if (result == null || result.isEmpty()) {
            return;
        }
        g.append(";\n\tspf=").append(result);
        String guessed = ev.variable("spf_result_guessed");
        if (guessed != null && !guessed.isEmpty() && !guessed.equals("0")) {
            g.append(" (best guess record for domain)");
        }
        String domain = ev.variable("sender_address_domain");
        String helo = ev.variable("sender_helo_name");
        if (domain != null && !domain.isEmpty()) {
            g.append(" smtp.mailfrom=").append(domain);
        } else if (helo != null && !helo.isEmpty()) {
            g.append(" smtp.helo=").append(helo);
        } else {
            g.append(" smtp.mailfrom=<>");
        }
    }
}
