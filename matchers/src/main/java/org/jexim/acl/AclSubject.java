package org.jexim.acl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jexim.conf.expand.AclRunner;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.HeaderKind;
import org.jexim.conf.expand.Headers;
import org.jexim.conf.expand.Variables;
import org.jexim.conf.expand.be.BeContext;

/**
 * What an ACL looks at: the client (no IP for a local submission), the envelope so far, the
 * message once it is received ({@link #message()}), the variables an expansion may read
 * ($sender_host_address, $local_part, $acl_m0 ...), and where the requested side effects go
 * ({@link #effects()}).
 */
public final class AclSubject implements ExpansionContext {
    private final String clientIp;
    private final String localPart;
    private final String domain;
    private final Map<String, String> variables = new HashMap<>();
    /** Variables that outlive one ACL run: $acl_c* for the connection, $acl_m* for the message. */
    private final Map<String, String> session;
    private final AclEffects effects;
    private AclMessage message;
    private AclWhere where = AclWhere.RCPT;
    private AclEngine engine;
    private int nestingLevel;
    private org.jexim.conf.model.AclVerb statementVerb;
    /** Objects a condition shares with its caller for this run (the current MIME part ...), by type. */
    private final Map<Class<?>, Object> attachments = new HashMap<>();

    public AclSubject(String clientIp, String heloName, String sender, String localPart, String domain) {
        this(clientIp, heloName, sender, localPart, domain, new HashMap<>());
    }

    /** {@code session} holds the $acl_c and $acl_m variables of the SMTP session, read and written in place. */
    public AclSubject(String clientIp, String heloName, String sender, String localPart, String domain,
                      Map<String, String> session) {
        this(clientIp, heloName, sender, localPart, domain, session, new AclEffects());
    }

    /** {@code effects}: where add_header, control ... record what they ask for this message. */
    public AclSubject(String clientIp, String heloName, String sender, String localPart, String domain,
                      Map<String, String> session, AclEffects effects) {
        this.session = session;
        this.effects = effects;
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
        // deliver_split_address(): $local_part and $domain lower-cased (control = caseful_local_part restores the case)
        put("local_part", localPart == null ? null : localPart.toLowerCase(java.util.Locale.ROOT));
        put("domain", domain == null ? null : domain.toLowerCase(java.util.Locale.ROOT));
        if (localPart != null && domain != null) {
            put("recipient", localPart + "@" + domain);
        }
    }

    private void put(String name, String value) {
        if (value != null) {
            variables.put(name, value);
        }
    }

    /** Attaches an object for the conditions of this run (the MIME ACL's current part ...); null detaches. */
    public <T> void attach(Class<T> type, T value) {
        if (value == null) {
            attachments.remove(type);
        } else {
            attachments.put(type, value);
        }
    }

    /** The object attached for this type, if any. */
    public <T> Optional<T> attached(Class<T> type) {
        return Optional.ofNullable(type.cast(attachments.get(type)));
    }

    /** Sets a variable (ACL variables from {@code set}, $domain_data from a list match ...). */
    public void set(String name, String value) {
        if (name.startsWith("acl_c") || name.startsWith("acl_m")) {
            if (value == null) {
                session.remove(name);
            } else {
                session.put(name, value);
            }
        } else if (value == null) {
            variables.remove(name);
        } else {
            variables.put(name, value);
        }
    }

    /**
     * Sets a variable that lives as long as the SMTP session ($sender_host_name once looked
     * up, $helo_verified ...), whatever its name.
     */
    public void setForSession(String name, String value) {
        if (value == null) {
            session.remove(name);
        } else {
            session.put(name, value);
        }
    }

    @Override
    public void setVariable(String name, String value) {
        set(name, value);
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

    /** The envelope sender, "" for the null sender, null before MAIL. */
    public String sender() {
        return variables.get("sender_address");
    }

    /** The recipient a RCPT, VRFY or PRDR ACL checks, null elsewhere. */
    public String recipient() {
        return variables.get("recipient");
    }

    /** Where the ACL runs now; set by the engine for each top-level run. */
    public AclWhere where() {
        return where;
    }

    void where(AclWhere place) {
        this.where = place;
    }

    /** The received message, for the DATA, MIME, PRDR, DKIM and non-SMTP ACLs. */
    public Optional<AclMessage> message() {
        return Optional.ofNullable(message);
    }

    /** Gives the ACLs the received message; also sets $message_size and $message_body_size. */
    public AclSubject withMessage(AclMessage received) {
        this.message = received;
        if (received != null) {
            put("message_size", Long.toString(received.size()));
        }
        return this;
    }

    /** What the ACLs asked for this message (headers, controls). */
    public AclEffects effects() {
        return effects;
    }

    /** The verb of the statement being evaluated (a nested discard is allowed only under accept/discard). */
    public org.jexim.conf.model.AclVerb statementVerb() {
        return statementVerb;
    }

    void statementVerb(org.jexim.conf.model.AclVerb verb) {
        statementVerb = verb;
    }

    int nestingLevel() {
        return nestingLevel;
    }

    void nestingLevel(int level) {
        nestingLevel = level;
    }

    void engine(AclEngine running) {
        this.engine = running;
    }

    @Override
    public AclRunner acls() {
        return engine == null ? AclRunner.NONE : engine.expansionRunner(this);
    }

    @Override
    public Map<String, Object> lookupCache() {
        return effects.lookupCache(message);
    }

    @Override
    public Optional<String> header(String name, HeaderKind kind) {
        if (message == null) {
            return Optional.empty();
        }
        List<String> lines = new java.util.ArrayList<>(message.headerLines());
        for (AclEffects.AddedHeader h : effects.addedHeaders()) {
            lines.add(h.text().endsWith("\n") ? h.text() : h.text() + "\n");
        }
        return Optional.ofNullable(Headers.value(lines, name, kind));
    }

    @Override
    public boolean tainted(String name) {
        return name.startsWith("sender_") || name.equals("local_part") || name.equals("domain")
                || name.startsWith("smtp_command");
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
