package org.jexim.mailets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.MailetContext;
import org.jexim.transport.DeliveryLog;

/**
 * Puts a message Exim generates about another one (a bounce, a delay warning) on the spool from
 * {@code <>}: under the id its Received: and Message-Id: name, logged with Exim's
 * {@code <= <> R=cause U=user P=local S=size} line before it can be delivered.
 */
final class GeneratedMessages {
    private static final AttributeName AUTH_SENDER = AttributeName.of("exim.spool.auth_sender");

    private final MailetContext context;
    private final DeliveryLog log;

    GeneratedMessages(MailetContext context, DeliveryLog log) {
        this.context = context;
        this.log = log;
    }

    /** The user a generated message is received from (Received: "from USER", U= in the log). */
    static String user() {
        return System.getProperty("user.name");
    }

    /**
     * Spools {@code message} (LF line ends) as message {@code id} to the addresses {@code to}; {@code authSender}, when
     * not null, becomes its $authenticated_sender (bounce_sender_authentication).
     */
    void spool(String id, java.util.List<String> to, byte[] message, String causeId, String authSender)
            throws MessagingException {
        MimeMessage mime = new MimeMessage(Session.getDefaultInstance(new java.util.Properties()),
                new ByteArrayInputStream(crlf(message)));
        MailImpl.Builder mail = MailImpl.builder().name(id).sender(MailAddress.nullSender()).mimeMessage(mime);
        for (String r : to) {
            mail.addRecipient(new MailAddress(r));
        }
        if (authSender != null && !authSender.isBlank()) {
            mail.addAttribute(new Attribute(AUTH_SENDER, AttributeValue.of(authSender.strip())));
        }
        log.bounceReceived(id, causeId, user(), message.length);
        context.sendMail(mail.build());
    }

    private static byte[] crlf(byte[] lf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lf.length + lf.length / 40);
        for (byte b : lf) {
            if (b == '\n') {
                out.write('\r');
            }
            out.write(b);
        }
        return out.toByteArray();
    }
}
