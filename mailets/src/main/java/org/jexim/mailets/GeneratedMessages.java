package org.jexim.mailets;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.apache.james.server.core.MailImpl;
import org.apache.james.server.core.MimeMessageInputStreamSource;
import org.apache.james.server.core.MimeMessageWrapper;
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

    /** Writes a message with LF line ends. */
    interface Content {
        void writeTo(java.io.OutputStream lf) throws java.io.IOException;
    }

    /**
     * Spools {@code message} (LF line ends) as message {@code id} to the addresses {@code to}; {@code authSender}, when
     * not null, becomes its $authenticated_sender (bounce_sender_authentication).
     */
    void spool(String id, java.util.List<String> to, byte[] message, String causeId, String authSender)
            throws MessagingException {
        spool(id, to, out -> out.write(message), causeId, authSender);
    }

    /**
     * The same for a message written as it is spooled: it goes through James's file-backed message
     * source, never whole into memory.
     */
    void spool(String id, java.util.List<String> to, Content message, String causeId, String authSender)
            throws MessagingException {
        MimeMessageInputStreamSource source = MimeMessageInputStreamSource.create(id);
        long size;
        try (CrlfOutputStream out = new CrlfOutputStream(source.getWritableOutputStream())) {
            message.writeTo(out);
            out.flush();
            size = out.lfBytes;
        } catch (java.io.IOException e) {
            source.dispose();
            throw new MessagingException("cannot write message " + id, e);
        }
        MimeMessage mime = new MimeMessageWrapper(source);
        MailImpl.Builder mail = MailImpl.builder().name(id).sender(MailAddress.nullSender()).mimeMessage(mime);
        for (String r : to) {
            mail.addRecipient(new MailAddress(r));
        }
        if (authSender != null && !authSender.isBlank()) {
            mail.addAttribute(new Attribute(AUTH_SENDER, AttributeValue.of(authSender.strip())));
        }
        log.bounceReceived(id, causeId, user(), size);
        context.sendMail(mail.build());
    }

    /** LF lines to CRLF on the way to the spool, counting the LF bytes (S= of the arrival line). */
    private static final class CrlfOutputStream extends java.io.FilterOutputStream {
        long lfBytes;

        CrlfOutputStream(java.io.OutputStream out) {
            super(new java.io.BufferedOutputStream(out));
        }

        @Override
        public void write(int b) throws java.io.IOException {
            if (b == '\n') {
                out.write('\r');
            }
            out.write(b);
            lfBytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }
    }
}
