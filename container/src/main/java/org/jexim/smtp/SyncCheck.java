package org.jexim.smtp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jexim.conf.expand.Printing;
import org.jexim.lists.ListException;
import org.jexim.lists.ListMatcher;
import org.jexim.log.EximLog;
import org.jexim.runtime.JeximRuntime;
import org.jexim.smtp.wire.CommandGate;

/**
 * Exim's SMTP synchronization check (smtp_read_command): a command that must wait for the
 * previous reply, sent with more input already behind it, ends the connection with
 * {@code 554 SMTP synchronization error}, the main and reject log line "SMTP protocol
 * synchronization error (next input sent too soon: ...)" and $smtp_notquit_reason
 * synchronization-error. It applies under smtp_enforce_sync (ACL {@code control =
 * no_enforce_sync} lifts it, {@code enforce_sync} restores it), and as in Exim 4.96 not to hosts
 * in pipelining_connect_advertise_hosts (default *), for which Exim checks nothing.
 * HELO, EHLO, DATA, VRFY, EXPN, NOOP, ETRN, STARTTLS and unknown commands always synchronize;
 * MAIL, RCPT and RSET only when PIPELINING was not advertised.
 */
public final class SyncCheck implements CommandGate {
    private static final List<String> ALWAYS = List.of("helo", "ehlo", "data", "vrfy", "expn", "noop", "etrn", "starttls");
    private static final List<String> UNLESS_PIPELINING = List.of("mail from:", "rcpt to:", "rset");
    private static final List<String> NEVER = List.of("auth", "bdat", "quit", "help");
    public static final SmtpReply REPLY = SmtpReply.of("554", "SMTP synchronization error").closing();

    private final JeximRuntime runtime;

    public SyncCheck(JeximRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Optional<Response> refuse(ProtocolSession session, String line, String pending) {
        if (pending.isEmpty() || !(session instanceof SMTPSession smtp)) {
            return Optional.empty();
        }
        SessionState state = JamesSessions.of(smtp, runtime, null);
        if (!enforced(state) || !synchronizing(line, state.pipeliningAdvertised())) {
            return Optional.empty();
        }
        EximLog log = EximLog.main();
        String entry = "SMTP protocol synchronization error (next input sent too soon: pipelining was"
                + (state.pipeliningAdvertised() ? "" : " not") + " advertised): rejected \"" + line + "\" "
                + state.peer().hostField(false) + " next input=\"" + Printing.printing(pending) + "\"";
        log.main(entry);
        log.reject(entry);
        state.ending("synchronization-error");
        return Optional.of(JamesReplies.response(REPLY));
    }

    /** smtp_enforce_sync as the ACLs left it, and not a host Exim lets pipeline from the start. */
    boolean enforced(SessionState state) {
        if (state.effects().has("no_enforce_sync")) {
            return false;
        }
        boolean option = !state.effects().has("enforce_sync")
                ? runtime.mainOption("smtp_enforce_sync").map(v -> !v.equals("false")).orElse(true) : true;
        return option && !pipeConnectAcceptable(state.ip());
    }

    private boolean pipeConnectAcceptable(String ip) {
        try {
            return ListMatcher.hosts(runtime).match(runtime.mainOption("pipelining_connect_advertise_hosts").orElse("*"),
                    ip == null ? "" : ip).matched();
        } catch (ListException e) {
            return false;
        }
    }

    /** Whether the command of {@code line} must be the last of what the client sent. */
    static boolean synchronizing(String line, boolean pipelining) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String name : ALWAYS) {
            if (is(lower, name)) {
                return true;
            }
        }
        for (String name : UNLESS_PIPELINING) {
            if (is(lower, name)) {
                return !pipelining;
            }
        }
        return NEVER.stream().noneMatch(name -> is(lower, name)); // unknown commands synchronize
    }

    /** Exim's command match: the name, then the end, a space, or the name's own colon. */
    private static boolean is(String lower, String name) {
        return lower.startsWith(name) && (name.endsWith(":") || lower.length() == name.length() || lower.charAt(name.length()) == ' ');
    }
}
