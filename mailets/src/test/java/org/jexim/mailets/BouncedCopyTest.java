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

    @Test
    void aSmallMessageIsReadWhole() throws Exception {
        Mail small = mail(100);
        assertThat(BouncedCopy.of(small, 100 * 1024, true)).isEqualTo(whole(small));
    }

    @Test
    void aLargeMessageIsReadOnlyAsFarAsTheBounceNeedsAndTheBounceIsTheSame() throws Exception {
        Mail big = mail(100_000); // 8 MB
        byte[] start = BouncedCopy.of(big, 100 * 1024, true);
        assertThat(start.length).isLessThan(300_000);
        var failed = java.util.List.of(new org.jexim.bounce.FailedAddress("a@b.example", null, false, "gone", null, null, null));
        var now = java.time.ZonedDateTime.parse("2026-11-22T10:00:00Z");
        BounceMessage bounce = new BounceMessage("mx.example", "mx.example", BounceOptions.DEFAULT);
        assertThat(new String(bounce.build("s@x.example", failed, start, now, "B", "ID", "root"), StandardCharsets.US_ASCII))
                .isEqualTo(new String(bounce.build("s@x.example", failed, whole(big), now, "B", "ID", "root"),
                        StandardCharsets.US_ASCII))
                .contains("X-Exim-DSN-Information: Due to administrative limits only headers are returned");
    }

    @Test
    void withoutBounceReturnBodyOnlyTheHeaderIsRead() throws Exception {
        assertThat(new String(BouncedCopy.of(mail(1000), 100 * 1024, false), StandardCharsets.US_ASCII))
                .isEqualTo("Subject: big\r\nMessage-ID: <x@example.org>\r\n\r\n");
    }
}
