package org.jexim.acl;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.Variables;
import org.jexim.conf.expand.be.BeContext;

/**
 * What an ACL looks at: the client (no IP for a local submission), the envelope so far, and
 * the variables an expansion may read ($sender_host_address, $local_part, $acl_m0 ...).
 */
public final class AclSubject implements ExpansionContext {
    private final String clientIp;
    private final String localPart;
    private final String domain;
    private final Map<String, String> variables = new HashMap<>();
    /** Variables that outlive one ACL run: $acl_c* for the connection, $acl_m* for the message. */
    private final Map<String, String> session;

    public AclSubject(String clientIp, String heloName, String sender, String localPart, String domain) {
        this(clientIp, heloName, sender, localPart, domain, new HashMap<>());
    }

    /** {@code session} holds the $acl_c and $acl_m variables of the SMTP session, read and written in place. */
    public AclSubject(String clientIp, String heloName, String sender, String localPart, String domain,
                      Map<String, String> session) {
        this.session = session;
        this.clientIp = clientIp;
        this.localPart = localPart;
        this.domain = domain;
        put("sender_host_address", clientIp);
        put("sender_helo_name", heloName);
        put("sender_address", sender);
        if (sender != null) {
            int at = sender.lastIndexOf('@');
            put("sender_address_local_part", at < 0 ? sender : sender.substring(0, at));
            put("sender_address_domain", at < 0 ? "" : sender.substring(at + 1));
        }
        put("local_part", localPart);
        put("domain", domain);
        if (localPart != null && domain != null) {
            put("recipient", localPart + "@" + domain);
        }
    }

    private void put(String name, String value) {
        if (value != null) {
            variables.put(name, value);
        }
    }

    /** Sets a variable (ACL variables from {@code set}, $domain_data from a list match ...). */
    public void set(String name, String value) {
        if (name.startsWith("acl_c") || name.startsWith("acl_m")) {
            session.put(name, value);
        } else {
            variables.put(name, value);
        }
    }

    /** The client's IP address, or null for a local submission. */
    public String clientIp() {
        return clientIp;
    }

    public String localPart() {
        return localPart;
    }

    public String domain() {
        return domain;
    }

    @Override
    public Optional<String> variable(String name) {
        String value = variables.get(name);
        if (value == null) {
            value = session.get(name);
        }
        if (value == null && Variables.isAclVariable(name)) {
            value = ""; // an unset ACL variable expands to nothing, as in Exim
        }
        if (value == null && name.startsWith("tod_")) {
            value = BeContext.timeOfDay(name);
        }
        if (value == null && (name.equals("version_number") || name.equals("exim_version"))) {
            value = Variables.beDefault(name);
        }
        return Optional.ofNullable(value);
    }
}
