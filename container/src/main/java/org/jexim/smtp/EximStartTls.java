package org.jexim.smtp;

import java.util.Collection;
import java.util.List;
import javax.inject.Inject;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.SMTPStartTlsResponse;
import org.jexim.runtime.JeximRuntime;

/**
 * STARTTLS as Exim answers it, in place of James's handler: {@code 220 TLS go ahead} when EHLO
 * offered it (tls_advertise_hosts, not yet encrypted), else {@code 503 STARTTLS command used
 * when not advertised}; {@code 501 unexpected argument data} for an argument. Both errors count
 * towards smtp_max_synprot_errors; acl_smtp_starttls may refuse (smtp_handle_acl_fail's reply).
 * James's transport then runs the handshake; {@link org.jexim.smtp.wire.SmtpInputDecoder} discards
 * whatever was sent in clear behind the command.
 */
public final class EximStartTls implements CommandHandler<SMTPSession> {
    private final JeximRuntime runtime;

    @Inject
    public EximStartTls(JeximRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Collection<String> getImplCommands() {
        return List.of("STARTTLS");
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        SessionState state = JamesSessions.of(session, runtime, null);
        boolean extended = session.getAttachment(SMTPSession.CURRENT_HELO_MODE, ProtocolSession.State.Connection)
                .map("EHLO"::equalsIgnoreCase).orElse(false);
        boolean advertised = extended && !state.encrypted() && session.isStartTLSSupported()
                && AuthAdvertising.hostIn(runtime, "tls_advertise_hosts", "*", state.ip());
        if (!advertised) {
            return error(session, SmtpReply.of("503", "STARTTLS command used when not advertised"));
        }
        // acl_smtp_starttls runs before the argument check, as in smtp_in.c; a refusal keeps the session in clear
        String acl = runtime.mainOption(Stage.STARTTLS.option()).map(String::strip).orElse(null);
        if (acl != null) {
            AclGate.Decision d = new AclGate(runtime).decide(Stage.STARTTLS, acl, state, null);
            if (d.verdict() != org.jexim.acl.AclVerdict.ACCEPT) {
                return refused(session, d.reply());
            }
        }
        String argument = request.getArgument();
        if (argument != null && !argument.isBlank()) {
            return error(session, SmtpReply.of("501", "unexpected argument data"));
        }
        // Exim forgets the greeting and any message in progress: the client starts again after the handshake
        state.reset();
        state.pipeliningAdvertised(false);
        state.authAdvertised(false);
        return new SMTPStartTlsResponse("220", "TLS go ahead");
    }

    private Response error(SMTPSession session, SmtpReply reply) {
        return refused(session, ProtocolErrors.counted(session, runtime, reply));
    }

    /**
     * A refused STARTTLS leaves the session in clear, and what the client pipelined behind it is
     * read as commands, as Exim does; input sent behind an accepted STARTTLS is discarded by
     * {@link org.jexim.smtp.wire.SmtpInputDecoder}, however many STARTTLS came before.
     */
    private static Response refused(SMTPSession session, SmtpReply reply) {
        return JamesReplies.response(reply);
    }
}
