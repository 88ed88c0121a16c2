package org.jexim.smtp;

import java.util.ArrayList;
import java.util.List;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Expander;
import org.jexim.lists.ListException;
import org.jexim.lists.ListMatcher;
import org.jexim.runtime.JeximRuntime;

/**
 * Exim 4.96's SMTP protocol texts (smtp_in.c), shared by the server's handlers and by -bh:
 * the banner from smtp_banner, the HELO/EHLO greeting with the capability list the options
 * allow, and the fixed replies of the command sequence.
 */
public final class EximTexts {
    /** Exim's compiled-in smtp_banner. */
    static final String DEFAULT_BANNER = "$smtp_active_hostname ESMTP Exim $version_number $tod_full";
    public static final SmtpReply MAIL_OK = SmtpReply.of("250", "OK");
    /** MAIL's own "250 OK" when the client asked for PRDR and prdr_enable is set. */
    public static final SmtpReply MAIL_OK_PRDR = SmtpReply.of("250", "OK, PRDR Requested");
    public static final SmtpReply RCPT_OK = SmtpReply.of("250", "Accepted");
    public static final SmtpReply DATA_GO = SmtpReply.of("354", "Enter message, ending with \".\" on a line by itself");
    public static final SmtpReply NO_SENDER = SmtpReply.of("503", "sender not yet given");
    public static final SmtpReply NO_RECIPIENTS = SmtpReply.of("503", "valid RCPT command must precede DATA");
    public static final SmtpReply UNRECOGNIZED = SmtpReply.of("500", "unrecognized command");
    public static final SmtpReply NOOP = SmtpReply.of("250", "OK");
    public static final SmtpReply RESET = SmtpReply.of("250", "Reset OK");

    private final JeximRuntime runtime;
    private final AuthAdvertising auth;

    public EximTexts(JeximRuntime runtime) {
        this.runtime = runtime;
        this.auth = new AuthAdvertising(runtime);
    }

    /** The 220 greeting: smtp_banner expanded in the connection's context. */
    public SmtpReply banner(SessionState session) {
        String banner = runtime.mainOption("smtp_banner").orElse(DEFAULT_BANNER);
        try {
            return SmtpReply.of("220", Expander.expand(banner, session.subject(null)));
        } catch (ExpansionException e) {
            // Exim logs the failure and refuses the connection temporarily
            return SmtpReply.of("421", runtime.primaryHostname() + " Temporary local problem - please try again later").closing();
        }
    }

    /** {@code 250 HOST Hello NAME [IP]}, and for EHLO the capability lines Exim would list. */
    public SmtpReply hello(String helo, String ip, boolean extended) {
        SessionState state = new SessionState(ip, 0, runtime.primaryHostname());
        state.helo(helo);
        state.esmtp(extended);
        return hello(state, extended);
    }

    /** As {@link #hello(String, String, boolean)} for a session whose TLS and AUTH state the list follows. */
    public SmtpReply hello(SessionState state, boolean extended) {
        String helo = state.helo();
        String ip = state.ip();
        StringBuilder text = new StringBuilder(runtime.primaryHostname()).append(" Hello ");
        // a local process (-bs) is greeted by its login: "Hello root at NAME"
        state.protocolVariable("sender_ident").filter(u -> ip == null).ifPresent(u -> text.append(u).append(" at "));
        text.append(helo);
        if (ip != null) {
            text.append(" [").append(ip).append(']');
        }
        state.authAdvertised(false);
        state.pipeliningAdvertised(false);
        if (extended) {
            for (String capability : capabilities(state)) {
                text.append('\n').append(capability);
            }
        }
        return SmtpReply.of("250", text.toString());
    }

    /** {@code 221 HOST closing connection}. */
    public SmtpReply closing() {
        return SmtpReply.of("221", runtime.primaryHostname() + " closing connection").closing();
    }

    /** {@code 250 OK id=ID}. */
    public static SmtpReply queued(String id) {
        return SmtpReply.of("250", "OK id=" + id);
    }

    /**
     * The EHLO keywords in Exim's order: SIZE unless message_size_limit is 0, 8BITMIME
     * (accept_8bitmime), DSN (dsn_advertise_hosts), ETRN/VRFY/EXPN (when their ACL is set), PIPELINING
     * (pipelining_advertise_hosts), PIPECONNECT (pipelining_connect_advertise_hosts), AUTH
     * (auth_advertise_hosts and the authenticators' server_advertise_condition), CHUNKING
     * (chunking_advertise_hosts), STARTTLS (tls_advertise_hosts, until TLS is on), PRDR
     * (prdr_enable, where the session can do it), SMTPUTF8
     * (smtputf8_advertise_hosts), HELP.
     */
    List<String> capabilities(SessionState state) {
        String ip = state.ip();
        List<String> caps = new ArrayList<>();
        long size = SizeLimit.bytes(runtime.mainOption("message_size_limit").orElse("50M"));
        if (size > 0) {
            caps.add("SIZE " + size);
        }
        if (!runtime.mainOption("accept_8bitmime").map(v -> v.equals("false")).orElse(false)) {
            caps.add("8BITMIME");
        }
        state.dsnAdvertised(hostIn("dsn_advertise_hosts", "", ip));
        if (state.dsnAdvertised()) {
            caps.add("DSN");
        }
        // ETRN, VRFY and EXPN are offered when an ACL checks them
        for (String command : List.of("etrn", "vrfy", "expn")) {
            if (runtime.mainOption("acl_smtp_" + command).isPresent()) {
                caps.add(command.toUpperCase(java.util.Locale.ROOT));
            }
        }
        if (!state.effects().has("no_pipelining") && hostIn("pipelining_advertise_hosts", "*", ip)) {
            caps.add("PIPELINING");
            state.pipeliningAdvertised(true);
            // early pipelining: the client may send EHLO and what follows before the banner; the
            // server only has to forgo the synchronization checks (SyncCheck) for such hosts
            if (ip != null && hostIn("pipelining_connect_advertise_hosts", "*", ip)) {
                caps.add("PIPECONNECT");
            }
        }
        List<String> mechanisms = auth.mechanisms(state);
        state.authAdvertised(!mechanisms.isEmpty());
        if (!mechanisms.isEmpty()) {
            caps.add("AUTH " + String.join(" ", mechanisms));
        }
        if (hostIn("chunking_advertise_hosts", "*", ip)) {
            caps.add("CHUNKING");
            state.chunkingAdvertised(true);
        }
        if (!state.encrypted() && hostIn("tls_advertise_hosts", "*", ip)) {
            caps.add("STARTTLS");
        }
        if (state.prdrCapable() && Prdr.enabled(runtime)) {
            caps.add("PRDR");
        }
        state.smtputf8Advertised(hostIn("smtputf8_advertise_hosts", "*", ip));
        if (state.smtputf8Advertised()) {
            caps.add("SMTPUTF8");
        }
        caps.add("HELP");
        return caps;
    }

    /**
     * HELP: Exim's fixed list, STARTTLS while TLS is off for a host in tls_advertise_hosts, ETRN,
     * EXPN and VRFY only when their ACL is set.
     */
    SmtpReply help(SessionState state) {
        StringBuilder b = new StringBuilder("AUTH");
        if (!state.encrypted() && hostIn("tls_advertise_hosts", "*", state.ip())) {
            b.append(" STARTTLS");
        }
        b.append(" HELO EHLO MAIL RCPT DATA BDAT NOOP QUIT RSET HELP");
        for (String verb : List.of("etrn", "expn", "vrfy")) {
            if (runtime.mainOption("acl_smtp_" + verb).filter(v -> !v.isEmpty()).isPresent()) {
                b.append(' ').append(verb.toUpperCase(java.util.Locale.ROOT));
            }
        }
        return SmtpReply.of("214", "Commands supported:\n" + b);
    }

    private boolean hostIn(String option, String unset, String ip) {
        String list = runtime.mainOption(option).orElse(unset);
        try {
            return ListMatcher.hosts(runtime).match(list, ip == null ? "" : ip).matched();
        } catch (ListException e) {
            return false;
        }
    }
}
