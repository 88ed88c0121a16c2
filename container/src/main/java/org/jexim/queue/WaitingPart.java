package org.jexim.queue;

import java.time.Instant;
import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.james.server.core.MailImpl;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Mail;

/**
 * What a part of a delivery attempt leaves for the next one: its envelope and attributes as they
 * were when it was put back, and its message only when that is no longer the one on the spool
 * (the caller disposes of the part itself).
 */
record WaitingPart(MailImpl envelope, Optional<MimeMessageWrapper> message, Optional<Instant> deliverAt) {

    static WaitingPart of(Mail part, Optional<Instant> deliverAt, boolean messageFromSpool) throws MessagingException {
        MailImpl envelope = MailImpl.duplicateWithoutMessage(part).build();
        envelope.setState(part.getState());
        return new WaitingPart(envelope,
            messageFromSpool ? Optional.empty() : Optional.of(new MimeMessageWrapper(part.getMessage())),
            deliverAt);
    }
}
