package org.jexim.matchers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import org.apache.mailet.Mail;
import org.jexim.address.MessageContent;

/**
 * The content of a James mail as routers, filters and transports read it: header lines and body
 * with LF line ends, read once on demand.
 */
public final class MailContent implements MessageContent {
    private final Mail mail;
    private List<String> headers;
    private String body;

    private MailContent(Mail mail) {
        this.mail = mail;
    }

    public static MessageContent of(Mail mail) {
        return new MailContent(mail);
    }

    @Override
    public synchronized List<String> headerLines() {
        if (headers == null) {
            List<String> lines = new ArrayList<>();
            try {
                MimeMessage m = mail.getMessage();
                for (String h : Collections.list(m.getAllHeaderLines())) {
                    lines.add(h.replace("\r\n", "\n") + "\n");
                }
            } catch (MessagingException e) {
                // a message without readable headers is filtered as having none
            }
            headers = List.copyOf(lines);
        }
        return headers;
    }

    @Override
    public synchronized String body() {
        if (body == null) {
            try (InputStream in = mail.getMessage().getRawInputStream()) {
                body = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            } catch (MessagingException | IOException e) {
                body = "";
            }
        }
        return body;
    }
}
