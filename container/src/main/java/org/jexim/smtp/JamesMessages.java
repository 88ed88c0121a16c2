package org.jexim.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;
import org.jexim.acl.AclMessage;
import org.jexim.acl.ReceivedMessage;

/** The received James mail as the DATA ACL sees it: its MIME text with LF line ends. */
final class JamesMessages {
    private JamesMessages() {
    }

    static AclMessage of(Mail mail) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mail.getMessage().writeTo(out);
            String text = out.toString(StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            return new ReceivedMessage(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException | MessagingException e) {
            return new ReceivedMessage(new byte[0]);
        }
    }
}
