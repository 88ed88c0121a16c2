package org.jexim.queue;

import java.io.IOException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;

/**
 * Exim's -J file for James's delivery code: record each address right after its successful
 * delivery, before the mail's queue item is acknowledged, and a crash in between will not
 * deliver to it again (the address is dropped when the message is read back).
 */
public final class SpoolJournal {
    private final SpoolStore store;

    SpoolJournal(SpoolStore store) {
        this.store = store;
    }

    /**
     * @return false when the mail did not come from the spool (it has no {@code exim.message_id})
     */
    public boolean delivered(Mail mail, MailAddress address) throws IOException {
        var id = mail.getAttribute(SpoolAttributes.MESSAGE_ID).flatMap(a -> a.getValue().valueAs(String.class));
        if (id.isEmpty()) {
            return false;
        }
        delivered(id.get(), address.asString());
        return true;
    }

    public void delivered(String messageId, String address) throws IOException {
        store.journal(messageId, address);
    }
}
