package org.jexim.smtp;

import java.net.InetSocketAddress;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jexim.runtime.JeximRuntime;

/** The {@link SessionState} of a James SMTP session, kept as a connection attachment and brought up to date. */
final class JamesSessions {
    private static final ProtocolSession.AttachmentKey<SessionState> KEY =
            ProtocolSession.AttachmentKey.of("jexim.session", SessionState.class);

    private JamesSessions() {
    }

    /** The state, with the HELO name and sender James has recorded so far. */
    static SessionState of(SMTPSession session, JeximRuntime runtime, String sender) {
        SessionState state = session.getAttachment(KEY, ProtocolSession.State.Connection).orElseGet(() -> {
            InetSocketAddress remote = session.getRemoteAddress();
            SessionState created = new SessionState(
                    remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress(),
                    remote == null ? 0 : remote.getPort(), runtime.primaryHostname());
            session.setAttachment(KEY, created, ProtocolSession.State.Connection);
            return created;
        });
        String helo = session.getAttachment(SMTPSession.CURRENT_HELO_NAME, ProtocolSession.State.Connection).orElse(null);
        if (helo != null && !helo.equals(state.helo())) {
            state.helo(helo);
        }
        if (sender != null) {
            state.sender(sender);
        }
        return state;
    }
}
