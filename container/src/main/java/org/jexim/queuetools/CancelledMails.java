package org.jexim.queuetools;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.jexim.address.AddressAttributes;
import org.jexim.queue.CancelledMail;

/**
 * The daemon's side of {@link Cancellation}: each recipient of a cancelled message fails with
 * the cancellation text and the mail goes to the bounce processor, which sends Exim's bounce to
 * the sender; a cancelled bounce (null sender) is dropped, as Exim discards it. Exim writes no
 * {@code **} line for these addresses, only "cancelled by ..." (already logged).
 */
public final class CancelledMails implements CancelledMail {
    /** The bounce processor and the per-address variable its mailet reads the reason from. */
    static final String BOUNCE_STATE = "bounce";
    static final String MESSAGE_VARIABLE = "_message";

    @Override
    public void prepare(Mail mail, String text) {
        if (mail.getMaybeSender().isNullSender()) {
            mail.setState(Mail.GHOST);
            return;
        }
        for (MailAddress recipient : mail.getRecipients()) {
            AddressAttributes.put(mail, recipient, AddressAttributes.get(mail, recipient).with(MESSAGE_VARIABLE, text));
        }
        mail.setState(BOUNCE_STATE);
    }
}
