package org.jexim.smtp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jexim.acl.AclEffects;
import org.jexim.acl.AclMessage;
import org.jexim.acl.AclSubject;
import org.jexim.log.SmtpPeer;

/**
 * What one SMTP session has said so far, as the ACLs see it: the client, its HELO name, the
 * sender and accepted recipients of the current message, the command being handled, the
 * session's variables ($acl_c*, $acl_m*, what lookups found) and what the ACLs asked for the
 * message ({@link AclEffects}).
 */
public final class SessionState {
    private final String ip;
    private final int port;
    private final String primaryHostname;
    private final Map<String, String> aclVariables = new HashMap<>();
    private final Map<String, String> extra = new HashMap<>();
    private final List<String> recipients = new ArrayList<>();
    private final AclEffects effects = new AclEffects();
    private int acceptedRcpts;
    private int rcptCount;
    private final Set<String> discarded = new HashSet<>();
    private String helo;
    private String sender;
    /** Connection variables the protocol sets: $tls_in_*, $authenticated_id, $sender_host_authenticated. */
    private final Map<String, String> protocolVariables = new HashMap<>();
    private String authenticatedSender;
    private boolean esmtp;
    private boolean authAdvertised;
    private boolean pipeliningAdvertised;
    private boolean dsnAdvertised;
    private boolean prdrCapable;
    private boolean smtputf8Advertised;
    private boolean messageSmtputf8;
    private boolean utf8Protocol;
    private final DsnRequests dsn = new DsnRequests();
    private boolean chunkingAdvertised;
    private String command;
    private String commandArgument;
    private String commandData;
    private final org.jexim.smtp.wire.CommandHistory history = new org.jexim.smtp.wire.CommandHistory();
    private final java.time.Instant started = java.time.Instant.now();
    private int mailCommands;
    private String rawSender;
    private String endReason;
    private AclMessage message;
    private String messageId;
    private String mailDiscarded;
    private String blackhole;

    public SessionState(String ip, int port, String primaryHostname) {
        this.ip = ip;
        this.port = port;
        this.primaryHostname = primaryHostname;
    }

    public String ip() {
        return ip;
    }

    public String helo() {
        return helo;
    }

    /** A HELO/EHLO starts a new message as RSET does, and a new HELO verification. */
    public void helo(String name) {
        helo = name;
        aclVariables.remove("_helo_verified");
        utf8Protocol = false; // HELO/EHLO sets $received_protocol afresh
        reset();
    }

    /** The session can answer PRDR (only -bh so far), so EHLO offers it when prdr_enable is set. */
    public void prdrCapable(boolean capable) {
        prdrCapable = capable;
    }

    public boolean prdrCapable() {
        return prdrCapable;
    }

    /** Whether the last EHLO reply offered SMTPUTF8. */
    public void smtputf8Advertised(boolean offered) {
        smtputf8Advertised = offered;
    }

    public boolean smtputf8Advertised() {
        return smtputf8Advertised;
    }

    /**
     * MAIL's SMTPUTF8 for this message ($message_smtputf8); $received_protocol gains "utf8" in front
     * until the next HELO or EHLO, as Exim leaves it.
     */
    public void smtputf8() {
        messageSmtputf8 = true;
        utf8Protocol = true;
    }

    public boolean messageSmtputf8() {
        return messageSmtputf8;
    }

    /** The sender of the current message, or null before MAIL. */
    public String sender() {
        return sender;
    }

    public void sender(String address) {
        sender = address;
        rawSender = null;
    }

    /** The sender, and as the client gave it before qualification (Exim's raw_sender, which some log lines show). */
    public void sender(String address, String raw) {
        sender = address;
        rawSender = raw;
    }

    /** The sender as the client gave it (before qualification), or null with no transaction. */
    public String rawSender() {
        return sender == null || rawSender == null ? sender : rawSender;
    }

    /** The command being handled ($smtp_command) and its argument ($smtp_command_argument). */
    public void command(String line) {
        command = line;
        commandData = null;
        if (line == null) {
            commandArgument = null;
            return;
        }
        history.add(line);
        // Exim's command names include "mail from:" and "rcpt to:"; the argument follows them
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        int start = lower.startsWith("mail from:") ? 10 : lower.startsWith("rcpt to:") ? 8 : line.indexOf(' ');
        commandArgument = start < 0 ? "" : line.substring(start + (start == line.indexOf(' ') ? 1 : 0)).strip();
    }

    /** The -bh session's commands as Exim logs them: {@code " C=EHLO,MAIL,..."}. */
    public String commandHistory() {
        return history.logField();
    }

    /** A MAIL command came (Exim's smtp_mailcmd_count, which smtp_no_mail looks at). */
    public void mailCommand() {
        mailCommands++;
    }

    /** The connection's end as Exim logs it: "no MAIL in SMTP connection ..." when no MAIL came. */
    public void logNoMail(String history) {
        if (mailCommands == 0) {
            org.jexim.log.SmtpConnectionLog.main().noMail(peer(), started, protocolVariable("sender_host_authenticated").orElse(null),
                    protocolVariable("authenticated_id").orElse(null), history);
        }
    }

    /** When the connection started (for D=). */
    public java.time.Instant started() {
        return started;
    }

    /** MAIL's or RCPT's data once its options are taken (Exim's smtp_cmd_data), which a refusal's log line quotes. */
    public void commandData(String data) {
        commandData = data;
    }

    /** The data {@link #commandData(String)} kept for the current command, if any. */
    public java.util.Optional<String> commandData() {
        return java.util.Optional.ofNullable(commandData);
    }

    /** Sets a variable the ACLs see for the rest of the session ($sender_host_authenticated, $tls_in_cipher ...). */
    public void set(String name, String value) {
        if (value == null) {
            extra.remove(name);
        } else {
            extra.put(name, value);
        }
    }

    /** RCPT commands answered 2xx in this message, discarded ones included: DATA needs one. */
    public int acceptedRcpts() {
        return acceptedRcpts;
    }

    public void rcptAccepted() {
        acceptedRcpts++;
    }

    /** Counts a RCPT command of this message, accepted or not ($rcpt_count). */
    public void rcptSeen() {
        rcptCount++;
    }

    /** Recipients a {@code discard} accepted at RCPT: answered 250, never delivered. */
    public Set<String> discarded() {
        return discarded;
    }

    public List<String> recipients() {
        return recipients;
    }

    /** Sets (or with null, unsets) a connection variable of the protocol, such as $tls_in_cipher. */
    public void protocolVariable(String name, String value) {
        if (value == null) {
            protocolVariables.remove(name);
        } else {
            protocolVariables.put(name, value);
        }
    }

    public java.util.Optional<String> protocolVariable(String name) {
        return java.util.Optional.ofNullable(protocolVariables.get(name));
    }

    /** True once an AUTH command succeeded ($sender_host_authenticated is the authenticator's name). */
    public boolean authenticated() {
        return protocolVariables.containsKey("sender_host_authenticated");
    }

    /** True while the connection is encrypted ($tls_in_cipher is set): the data of the {@code encrypted} condition. */
    public boolean encrypted() {
        return protocolVariables.containsKey("tls_in_cipher");
    }

    /** $authenticated_sender: the AUTH= of the current MAIL command, when the ACL allowed it. */
    public void authenticatedSender(String address) {
        authenticatedSender = address;
    }

    public java.util.Optional<String> authenticatedSender() {
        return java.util.Optional.ofNullable(authenticatedSender);
    }

    /** Whether the client greeted with EHLO. */
    public void esmtp(boolean extended) {
        esmtp = extended;
    }

    public boolean esmtp() {
        return esmtp;
    }

    /** Whether the last EHLO reply listed AUTH (Exim refuses AUTH otherwise). */
    public void authAdvertised(boolean listed) {
        authAdvertised = listed;
    }

    public boolean authAdvertised() {
        return authAdvertised;
    }

    /** Whether the last EHLO reply listed PIPELINING (HELO and a started TLS forget it). */
    /** Whether EHLO offered DSN (dsn_advertise_hosts), which makes MAIL's and RCPT's DSN options count. */
    public void dsnAdvertised(boolean listed) {
        dsnAdvertised = listed;
    }

    public boolean dsnAdvertised() {
        return dsnAdvertised;
    }

    /** The DSN requests of the current message. */
    DsnRequests dsn() {
        return dsn;
    }

    public void pipeliningAdvertised(boolean listed) {
        pipeliningAdvertised = listed;
    }

    public boolean pipeliningAdvertised() {
        return pipeliningAdvertised;
    }

    /** Whether an EHLO reply of the connection listed CHUNKING (Exim never forgets it; BDAT is refused otherwise). */
    public void chunkingAdvertised(boolean listed) {
        chunkingAdvertised = listed;
    }

    public boolean chunkingAdvertised() {
        return chunkingAdvertised;
    }

    /** $received_protocol: smtp or esmtp, with s for TLS and a for AUTH, local- for -bs; as Exim names them. */
    public String receivedProtocol() {
        String base = esmtp ? "esmtp" : "smtp";
        if (encrypted()) {
            base += "s";
        }
        if (authenticated() && esmtp) {
            base += "a";
        }
        return (utf8Protocol ? "utf8" : "") + (ip == null ? "local-" + base : base);
    }

    /** What the ACLs asked for the current message and session. */
    public AclEffects effects() {
        return effects;
    }

    /** The received message, for the DATA ACL; null before. */
    public void message(AclMessage received) {
        message = received;
    }

    /** The received message, once DATA has it. */
    public java.util.Optional<AclMessage> message() {
        return java.util.Optional.ofNullable(message);
    }

    /** The id of the message being received (set once DATA has it, as Exim's message_id), or null. */
    public String messageId() {
        return messageId;
    }

    public void messageId(String id) {
        messageId = id;
    }

    /** The MAIL ACL said discard: every recipient of this message is discarded unseen (Exim's recipients_discarded). */
    public boolean mailDiscarded() {
        return mailDiscarded != null;
    }

    /** The MAIL ACL's log message of its discard ("" for none), which Exim repeats for each RCPT; null when none. */
    public String mailDiscardLog() {
        return mailDiscarded;
    }

    public void mailDiscarded(String logMessage) {
        mailDiscarded = logMessage == null ? "" : logMessage;
    }

    /**
     * Why the whole message goes nowhere, as the "=> blackhole" line words it ("(RCPT ACL
     * discarded recipients)", with the DATA ACL's log message), or null when it is delivered.
     */
    public String blackhole() {
        return blackhole;
    }

    public void blackhole(String detail) {
        blackhole = detail;
    }

    /** Forgets the current message (RSET, HELO, end of DATA): its sender, recipients, $acl_m* and ACL effects. */
    public void reset() {
        dsn.clear();
        messageSmtputf8 = false;
        authenticatedSender = null;
        sender = null;
        recipients.clear();
        acceptedRcpts = 0;
        rcptCount = 0;
        discarded.clear();
        message = null;
        messageId = null;
        mailDiscarded = null;
        blackhole = null;
        effects.newMessage();
        aclVariables.keySet().removeIf(k -> k.startsWith("acl_m"));
    }

    /** The variables an ACL or the banner sees now; {@code recipient} is the RCPT being checked, or null. */
    public AclSubject subject(String recipient) {
        String localPart = null;
        String domain = null;
        if (recipient != null) {
            int at = recipient.lastIndexOf('@');
            localPart = at < 0 ? recipient : recipient.substring(0, at);
            domain = at < 0 ? null : recipient.substring(at + 1);
        }
        AclSubject subject = new AclSubject(ip, helo, sender, localPart, domain, aclVariables, effects);
        extra.forEach(subject::set);
        subject.set("primary_hostname", primaryHostname);
        subject.set("smtp_active_hostname", primaryHostname);
        subject.set("recipients_count", Integer.toString(recipients.size()));
        protocolVariables.forEach(subject::set);
        if (authenticatedSender != null) {
            subject.set("authenticated_sender", authenticatedSender);
        }
        if (helo != null || ip == null) {
            subject.set("received_protocol", receivedProtocol());
        }
        subject.set("message_smtputf8", messageSmtputf8 ? "yes" : "no");
        subject.set("recipients", String.join(", ", recipients));
        subject.set("rcpt_count", Integer.toString(rcptCount));
        subject.set("host_and_ident", peer().hostField(false));
        if (command != null) {
            subject.set("smtp_command", command);
            subject.set("smtp_command_argument", commandArgument);
        }
        if (ip != null) {
            subject.set("sender_host_port", Integer.toString(port));
        }
        subject.withMessage(message);
        return subject;
    }

    /** The client as the log lines name it. */
    public SmtpPeer peer() {
        return SmtpPeer.of(ip == null ? "" : ip, port).withHelo(helo)
                .withVerifiedName(aclVariables.get("sender_host_name"));
    }

    /** Why the connection is ending ("QUIT", or a $smtp_notquit_reason such as acl-drop), once known. */
    public void ending(String reason) {
        if (endReason == null) {
            endReason = reason;
        }
    }

    public java.util.Optional<String> endReason() {
        return java.util.Optional.ofNullable(endReason);
    }
}
