package org.jexim.smtp;

import java.net.InetSocketAddress;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jexim.runtime.JeximRuntime;

/** The {@link SessionState} of a James SMTP session, kept as a connection attachment and brought up to date. */
final class JamesSessions {
    private static final ProtocolSession.AttachmentKey<SessionState> KEY =
            ProtocolSession.AttachmentKey.of("jexim.session", SessionState.class);

    private static final ProtocolSession.AttachmentKey<SmtpReply> ACCEPT_REPLY =
            ProtocolSession.AttachmentKey.of("jexim.acceptReply", SmtpReply.class);

    private JamesSessions() {
    }

    /**
     * Keeps an ACL's positive reply for the command being handled: James answers a hook's OK
     * with its core handler's reply, which {@link EximReplyTexts} then replaces with this one.
     */
    static void acceptedWith(SMTPSession session, SmtpReply reply) {
        session.setAttachment(ACCEPT_REPLY, reply, ProtocolSession.State.Connection);
    }

    /** The positive reply an ACL gave for the command just handled, taken once. */
    static java.util.Optional<SmtpReply> takeAcceptReply(ProtocolSession session) {
        return session.removeAttachment(ACCEPT_REPLY, ProtocolSession.State.Connection);
    }

    /** The state, with the HELO name and sender James has recorded so far. */
    static SessionState of(SMTPSession session, JeximRuntime runtime, String sender) {
        SessionState state = session.getAttachment(KEY, ProtocolSession.State.Connection).orElseGet(() -> {
            InetSocketAddress remote = session.getRemoteAddress();
            SessionState created = new SessionState(
                    remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress(),
                    remote == null ? 0 : remote.getPort(), runtime.primaryHostname());
            created.prdrCapable(true);
            session.setAttachment(KEY, created, ProtocolSession.State.Connection);
            return created;
        });
        String helo = session.getAttachment(SMTPSession.CURRENT_HELO_NAME, ProtocolSession.State.Connection).orElse(null);
        if (helo != null && !helo.equals(state.helo())) {
            state.helo(helo);
        }
        if (sender != null) {
            state.sender(sender);
        } else if (state.sender() != null && session.getAttachment(SMTPSession.SENDER, ProtocolSession.State.Transaction).isEmpty()) {
            state.sender(null); // RSET, HELO or the end of a message ended James's transaction
        }
        state.esmtp(session.getAttachment(SMTPSession.CURRENT_HELO_MODE, ProtocolSession.State.Connection)
                .map("EHLO"::equalsIgnoreCase).orElse(false));
        if (!state.encrypted() && session.isTLSStarted()) {
            session.getSSLSession().ifPresent(ssl -> org.jexim.smtp.tls.TlsVariables.of(ssl).forEach(state::protocolVariable));
        }
        // $recipients_count: the recipients James has accepted so far in this transaction
        state.recipients().clear();
        session.getAttachment(SMTPSession.RCPT_LIST, ProtocolSession.State.Transaction)
                .ifPresent(list -> list.stream().map(r -> r.asString())
                        .filter(r -> !state.discarded().contains(r)).forEach(state.recipients()::add));
        return state;
    }
}
