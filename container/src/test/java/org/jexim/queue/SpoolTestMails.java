package org.jexim.queue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.server.core.MailImpl;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Mail;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Builds mails for the queue tests and reads messages back as bytes. */
final class SpoolTestMails {
    static final String MESSAGE = "Received: from client.example ([192.0.2.1])\r\n"
        + "\tby mx.test.example with esmtp (Exim 4.96)\r\n"
        + "From: Alice <alice@example.org>\r\n"
        + "To: bob@test.example\r\n"
        + "Subject: spool test\r\n"
        + "Message-ID: <m1@example.org>\r\n"
        + "\r\n"
        + "first line\r\n"
        + "\r\n"
        + ".leading dot and trailing space \r\n"
        + "From the start\r\n";

    private SpoolTestMails() {
    }

    static MimeMessage message(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
            new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
    }

    static MailImpl mail(String name, String raw) throws Exception {
        return MailImpl.builder().name(name).sender("alice@example.org")
            .addRecipients("bob@test.example", "carol@other.example")
            .mimeMessage(message(raw)).build();
    }

    static String bytes(Mail mail) throws Exception {
        return new String(raw(mail), StandardCharsets.ISO_8859_1);
    }

    /** The message as James would send it: the wrapper's own stream, which keeps 8-bit headers. */
    static byte[] raw(Mail mail) throws Exception {
        if (mail.getMessage() instanceof MimeMessageWrapper wrapper) {
            try (var in = wrapper.getMessageInputStream()) {
                return in.readAllBytes();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.getMessage().writeTo(out);
        return out.toByteArray();
    }

    /** Takes one item, asking the queue for exactly one. */
    static MailQueue.MailQueueItem dequeueOne(MailQueue queue, Duration timeout) {
        return Flux.from(queue.deQueue()).take(1, true).next().timeout(timeout, Mono.empty()).block();
    }
}
