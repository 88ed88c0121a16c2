package org.jexim.smtp;

import java.util.Optional;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jexim.runtime.JeximRuntime;
import org.jexim.smtp.wire.CommandGate;

/** The daemon's smtp_accept_max_nonmail: each connection's {@link NonmailCommands} sees every command line. */
public final class NonmailGate implements CommandGate {
    private static final ProtocolSession.AttachmentKey<NonmailCommands> KEY =
            ProtocolSession.AttachmentKey.of("jexim.nonmail", NonmailCommands.class);

    private final JeximRuntime runtime;

    public NonmailGate(JeximRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Optional<Response> refuse(ProtocolSession session, String line, String pending) {
        if (!(session instanceof SMTPSession smtp)) {
            return Optional.empty();
        }
        SessionState state = JamesSessions.of(smtp, runtime, null);
        NonmailCommands counter = session.getAttachment(KEY, ProtocolSession.State.Connection).orElseGet(() -> {
            NonmailCommands created = NonmailCommands.of(runtime, state.ip());
            session.setAttachment(KEY, created, ProtocolSession.State.Connection);
            return created;
        });
        return Optional.ofNullable(counter.check(state, line)).map(JamesReplies::response);
    }
}
