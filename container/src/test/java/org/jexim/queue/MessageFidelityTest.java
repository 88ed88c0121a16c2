package org.jexim.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Random;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What James gets back from the spool is, byte for byte, what it put there (CRLF on the James side). */
class MessageFidelityTest {
    @TempDir
    Path spool;
    private SpoolMailQueueFactory factory;

    @AfterEach
    void close() {
        factory.close();
    }

    private Mail roundTrip(byte[] raw) throws Exception {
        factory = SpoolMailQueueFactory.open(spool);
        SpoolMailQueue queue = factory.createQueue(MailQueueFactory.SPOOL);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        queue.enQueue(MailImpl.builder().name("m").sender("a@example.org").addRecipient("b@example.org")
            .mimeMessage(message).build());
        return SpoolTestMails.dequeueOne(queue, Duration.ofSeconds(5)).getMail();
    }

    private static byte[] bytes(Mail mail) throws Exception {
        return SpoolTestMails.raw(mail);
    }

    @Test
    void eightBitHeadersFoldedHeadersAndOddBodyBytesComeBackUnchanged() throws Exception {
        byte[] raw = ("Subject: caf\u00e9 =?utf-8?q?x?=\r\n"
            + "X-Long: one\r\n  two\r\n\tthree\r\n"
            + "From: a@example.org\r\n"
            + "\r\n"
            + "bare CR\rinside\r\n"
            + "double CR\r\r\n"
            + "\u0000nul and 8bit \u00ff\r\n"
            + "no final newline").getBytes(StandardCharsets.ISO_8859_1);
        Mail back = roundTrip(raw);
        assertThat(bytes(back)).isEqualTo(raw);
        assertThat(back.getMessageSize()).isEqualTo(raw.length);
    }

    @Test
    void aLargeMessageIsStreamedAndComesBackExactly() throws Exception {
        StringBuilder sb = new StringBuilder("From: a@example.org\r\nSubject: big\r\n\r\n");
        Random random = new Random(1);
        while (sb.length() < 3_000_000) {
            for (int i = 0; i < 76; i++) {
                sb.append((char) ('A' + random.nextInt(26)));
            }
            sb.append("\r\n");
        }
        byte[] raw = sb.toString().getBytes(StandardCharsets.US_ASCII);
        Mail back = roundTrip(raw);
        try (InputStream in = back.getMessage().getInputStream()) {
            assertThat(in.readAllBytes()).hasSize(raw.length - 37);
        }
        assertThat(bytes(back)).isEqualTo(raw);
        String id = back.getAttribute(SpoolAttributes.MESSAGE_ID).orElseThrow().getValue().value().toString();
        assertThat(Files.size(spool.resolve("input/" + id + "-D"))).isEqualTo(id.length() + 3 + raw.length - 37 - (raw.length - 37) / 78);
    }
}
