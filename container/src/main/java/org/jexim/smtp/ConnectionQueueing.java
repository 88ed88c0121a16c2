package org.jexim.smtp;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.jexim.conf.translate.OptionTexts;
import org.jexim.queue.QueueOnly;
import org.jexim.queue.SessionQueueing;
import org.jexim.runtime.JeximRuntime;

/**
 * Marks a message received on an SMTP connection for the queue only, as Exim's daemon does after
 * each message ({@code smtp_accept_queue}, {@code smtp_accept_queue_per_connection}, {@code queue_only_load} with
 * {@code queue_only_load_latch}); the spool logs the reason when it holds the message.
 */
final class ConnectionQueueing {
    private static final ProtocolSession.AttachmentKey<SessionQueueing> KEY =
            ProtocolSession.AttachmentKey.of("jexim.sessionQueueing", SessionQueueing.class);

    private ConnectionQueueing() {
    }

    static void mark(SMTPSession session, Mail mail, JeximRuntime runtime) {
        SessionQueueing queueing = session.getAttachment(KEY, ProtocolSession.State.Connection).orElseGet(() -> {
            SessionQueueing q = new SessionQueueing(
                    runtime.mainOption("queue_only_load").map(String::strip).map(Double::parseDouble).orElse(-1.0),
                    OptionTexts.bool(runtime.mainOption("queue_only_load_latch").orElse(null), true),
                    runtime.mainOption("smtp_accept_queue_per_connection").map(String::strip).map(Integer::parseInt)
                            .orElse(10),
                    QueueOnly::systemLoad).connections(org.jexim.smtp.wire.InputState.of(session).openAtAccept(),
                    runtime.mainOption("smtp_accept_queue").map(String::strip).map(Integer::parseInt).orElse(0));
            session.setAttachment(KEY, q, ProtocolSession.State.Connection);
            return q;
        });
        queueing.nextMessage().ifPresent(reason -> {
            mail.setAttribute(new Attribute(QueueOnly.QUEUE_ONLY, AttributeValue.of(true)));
            mail.setAttribute(new Attribute(QueueOnly.QUEUE_ONLY_REASON, AttributeValue.of(reason)));
        });
    }
}
