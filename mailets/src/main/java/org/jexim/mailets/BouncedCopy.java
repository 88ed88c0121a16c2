package org.jexim.mailets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;
import org.jexim.bounce.BounceMessage;
import org.jexim.bounce.BounceOptions;
import org.jexim.bounce.ReturnedMessage;

/**
 * The part of a message a bounce, delay warning or success DSN can need, read from the mail as it
 * streams by ({@link ReturnedMessage}): a large message is never held whole, and its body is kept
 * only when the bounce may return it.
 */
final class BouncedCopy {
    private BouncedCopy() {
    }

    /** What a bounce under these options returns of the mail. */
    static ReturnedMessage of(Mail mail, BounceOptions options) throws MessagingException {
        ReturnedMessage.Collector copy = new ReturnedMessage.Collector(BounceMessage.returnable(options));
        try {
            mail.getMessage().writeTo(copy);
        } catch (IOException | java.io.UncheckedIOException e) {
            copy.finish().close();
            throw new MessagingException("cannot read message " + mail.getName(), e);
        }
        return copy.finish();
    }

    /** The header only and its blank line (LF lines): what delay warnings and success DSNs return. */
    static byte[] header(Mail mail) throws MessagingException {
        try (ReturnedMessage copy = of(mail, new BounceOptions(null, null, null, false, 0, Long.MAX_VALUE))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(copy.head());
            out.write('\n');
            return out.toByteArray();
        }
    }
}
