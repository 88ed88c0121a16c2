package org.jexim.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.jexim.bounce.BounceMessage;
import org.jexim.bounce.BounceOptions;
import org.junit.jupiter.api.Test;

/** What a bounce reads of the failed message: all of a small one, the start of a large one, the same bounce. */
class BouncedCopyTest {
    private static Mail mail(int bodyLines) throws Exception {
        StringBuilder m = new StringBuilder("Subject: big\r\nMessage-ID: <x@example.org>\r\n\r\n");
        for (int i = 0; i < bodyLines; i++) {
            m.append("0123456789012345678901234567890123456789012345678901234567890123456789012345678\r\n");
        }
        return FakeMail.builder().name("m").mimeMessage(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(m.toString().getBytes(StandardCharsets.US_ASCII)))).build();
    }

    private static byte[] whole(Mail mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.getMessage().writeTo(out);
        return out.toByteArray();
    }

    private static byte[] lf(byte[] crlf) {
        return new String(crlf, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] copied(org.jexim.bounce.ReturnedMessage copy) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(copy.head());
        copy.writeRest(out);
        return out.toByteArray();
    }

    private static final java.time.ZonedDateTime NOW = java.time.ZonedDateTime.parse("2026-11-22T10:00:00Z");
    private static final java.util.List<org.jexim.bounce.FailedAddress> FAILED =
            java.util.List.of(new org.jexim.bounce.FailedAddress("a@b.example", null, false, "gone", null, null, null));

    private static String streamed(BounceMessage bounce, Mail mail, BounceOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var copy = BouncedCopy.of(mail, options)) {
            bounce.write(out, "s@x.example", FAILED, copy, NOW, "B", "ID", "root", org.jexim.bounce.DsnEnvelope.NONE);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void aSmallMessageIsReadWholeWithLfLines() throws Exception {
        Mail small = mail(100);
        try (var copy = BouncedCopy.of(small, BounceOptions.DEFAULT)) {
            assertThat(copied(copy)).isEqualTo(lf(whole(small)));
        }
    }

    @Test
    void aMessageLargerThanTheLimitKeepsOnlyItsHeaderAndTheBounceIsTheSame() throws Exception {
        Mail big = mail(100_000); // 8 MB
        try (var copy = BouncedCopy.of(big, BounceOptions.DEFAULT)) {
            assertThat(copy.hasRest()).isFalse();
            assertThat(copy.restLength()).isEqualTo(1 + 100_000 * 80);
        }
        BounceMessage bounce = new BounceMessage("mx.example", "mx.example", BounceOptions.DEFAULT);
        assertThat(streamed(bounce, big, BounceOptions.DEFAULT))
                .isEqualTo(new String(bounce.build("s@x.example", FAILED, whole(big), NOW, "B", "ID", "root"),
                        StandardCharsets.US_ASCII))
                .contains("X-Exim-DSN-Information: Due to administrative limits only headers are returned");
    }

    @Test
    void withoutASizeLimitALargeMessageIsReturnedWholeFromATemporaryFile() throws Exception {
        Mail big = mail(20_000); // 1.6 MB
        BounceOptions unlimited = new BounceOptions(null, null, null, true, 0, 998);
        BounceMessage bounce = new BounceMessage("mx.example", "mx.example", unlimited);
        String streamed = streamed(bounce, big, unlimited);
        assertThat(streamed).isEqualTo(new String(bounce.build("s@x.example", FAILED, whole(big), NOW, "B", "ID", "root"),
                StandardCharsets.US_ASCII));
        assertThat(streamed).contains("Content-type: message/rfc822\n\nReturn-path: <s@x.example>\nSubject: big\n")
                .hasSizeGreaterThan(20_000 * 80);
    }

    @Test
    void withoutBounceReturnBodyOnlyTheHeaderIsRead() throws Exception {
        assertThat(new String(BouncedCopy.header(mail(1000)), StandardCharsets.US_ASCII))
                .isEqualTo("Subject: big\nMessage-ID: <x@example.org>\n\n");
    }
}
