package org.jexim.queuetools;

import org.apache.mailet.Mail;
import org.jexim.queue.CancelledMail;

/**
 * The daemon's side of {@link Cancellation}: every recipient of a cancelled message fails and the
 * mail goes to the bounce processor, which sends Exim's bounce to the sender; a cancelled bounce
 * (null sender) is dropped, as Exim discards it. As in Exim, the bounce lists the addresses
 * without the cancellation text (Exim does not pass it on), and the log has no {@code **} line
 * for them, only "cancelled by ..." (already written).
 */
public final class CancelledMails implements CancelledMail {
    /** The bounce processor of the translated configuration. */
    static final String BOUNCE_STATE = "bounce";

    @Override
    public void prepare(Mail mail, String text) {
        mail.setState(mail.getMaybeSender().isNullSender() ? Mail.GHOST : BOUNCE_STATE);
    }
}
