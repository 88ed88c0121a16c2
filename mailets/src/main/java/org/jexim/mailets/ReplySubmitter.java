package org.jexim.mailets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.apache.mailet.MailetContext;
import org.jexim.transport.autoreply.ReplySender;

/** Submits an autoreply transport's message from the null sender into the mailet container, as Exim's -t child does. */
final class ReplySubmitter implements ReplySender {
    private final MailetContext context;

    ReplySubmitter(MailetContext context) {
        this.context = context;
    }

    @Override
    public void send(List<String> recipients, byte[] message) throws IOException {
        try {
            List<MailAddress> to = new ArrayList<>();
            for (String r : recipients) {
                to.add(new MailAddress(r));
            }
            MimeMessage m = new MimeMessage(Session.getDefaultInstance(new Properties()),
                    new ByteArrayInputStream(message));
            context.sendMail(null, to, m);
        } catch (MessagingException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
