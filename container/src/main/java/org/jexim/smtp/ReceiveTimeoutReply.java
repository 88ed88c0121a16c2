package org.jexim.smtp;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jexim.log.EximLog;
import org.jexim.runtime.JeximRuntime;
import org.jexim.smtp.wire.IdleReply;
import org.jexim.smtp.wire.InputState;

/**
 * Exim's answer to smtp_receive_timeout (smtp_command_timeout_exit, smtp_data_timeout_exit):
 * waiting for a command, {@code 421 HOST: SMTP command timeout - closing connection} and the
 * main log line "SMTP command timeout on connection from ..."; inside a message,
 * {@code 421 HOST SMTP incoming data timeout - closing connection.} and "SMTP data timeout
 * (message abandoned) on connection from ... F=<sender>"; $smtp_notquit_reason
 * command-timeout or data-timeout.
 */
public final class ReceiveTimeoutReply implements IdleReply {
    private final JeximRuntime runtime;

    public ReceiveTimeoutReply(JeximRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Response timedOut(ProtocolSession session) {
        SessionState state = JamesSessions.of((SMTPSession) session, runtime, null);
        String host = state.peer().hostField(false).substring(2);
        String name = runtime.primaryHostname();
        if (InputState.of(session).readingMessage()) {
            String sender = session.getAttachment(SMTPSession.SENDER, ProtocolSession.State.Transaction)
                    .map(s -> s.asString("")).orElse("");
            EximLog.main().main("SMTP data timeout (message abandoned) on connection from " + host + " F=<" + sender + ">");
            state.ending("data-timeout");
            return JamesReplies.response(SmtpReply.of("421", name + " SMTP incoming data timeout - closing connection.").closing());
        }
        EximLog.main().main("SMTP command timeout on" + (state.encrypted() ? " TLS" : "") + " connection from " + host);
        state.ending("command-timeout");
        return JamesReplies.response(SmtpReply.of("421", name + ": SMTP command timeout - closing connection").closing());
    }
}
