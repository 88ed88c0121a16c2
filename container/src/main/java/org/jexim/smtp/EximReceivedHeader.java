package org.jexim.smtp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.inject.Inject;
import org.apache.james.core.MailAddress;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.SeparatingDataLineFilter;
import org.jexim.queue.EximMessageId;
import org.jexim.runtime.JeximRuntime;

/**
 * Puts Exim's Received: header ({@link ReceivedHeader}) in front of the message as it arrives,
 * in place of James's ReceivedDataLineFilter. The message id is taken here, as Exim takes it
 * when DATA starts, so that the header's "id" is the id of {@code 250 OK id=} and of the spool.
 */
public final class EximReceivedHeader extends SeparatingDataLineFilter {
    private static final ProtocolSession.AttachmentKey<String> MESSAGE_ID =
            ProtocolSession.AttachmentKey.of("jexim.messageId", String.class);
    private static final ProtocolSession.AttachmentKey<Boolean> ADDED =
            ProtocolSession.AttachmentKey.of("jexim.receivedAdded", Boolean.class);

    private final JeximRuntime runtime;
    private final ReceivedHeader header;

    @Inject
    public EximReceivedHeader(JeximRuntime runtime) {
        this.runtime = runtime;
        this.header = new ReceivedHeader(runtime);
    }

    /** The id of the message being received in this transaction, taken on first use. */
    static String messageId(ProtocolSession session) {
        return session.getAttachment(MESSAGE_ID, ProtocolSession.State.Transaction).orElseGet(() -> {
            String id = EximMessageId.next();
            session.setAttachment(MESSAGE_ID, id, ProtocolSession.State.Transaction);
            return id;
        });
    }

    /** Forgets the id once the message is spooled (a second message of the session takes a new one). */
    static void forgetMessageId(ProtocolSession session) {
        session.removeAttachment(MESSAGE_ID, ProtocolSession.State.Transaction);
        session.removeAttachment(ADDED, ProtocolSession.State.Transaction);
    }

    @Override
    protected Response onSeparatorLine(SMTPSession session, byte[] line, LineHandler<SMTPSession> next) {
        return withHeader(session, line, next);
    }

    @Override
    protected Response onHeadersLine(SMTPSession session, byte[] line, LineHandler<SMTPSession> next) {
        return withHeader(session, line, next);
    }

    private Response withHeader(SMTPSession session, byte[] line, LineHandler<SMTPSession> next) {
        if (session.getAttachment(ADDED, ProtocolSession.State.Transaction).isEmpty()) {
            session.setAttachment(ADDED, Boolean.TRUE, ProtocolSession.State.Transaction);
            SessionState state = JamesSessions.of(session, runtime, null);
            List<String> recipients = session.getAttachment(SMTPSession.RCPT_LIST, ProtocolSession.State.Transaction)
                    .map(l -> l.stream().map(MailAddress::asString).toList()).orElse(List.of());
            for (String l : header.lines(state, messageId(session), recipients)) {
                Response response = next.onLine(session, (l + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                if (response != null) {
                    return response;
                }
            }
        }
        return next.onLine(session, line);
    }
}
