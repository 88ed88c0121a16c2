package org.jexim.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same scripted spamd reply read by the real Exim 4.96 ({@code exim4 -bh}, DATA ACL
 * {@code spam = nobody:true}) and by jexim: the request line and every variable must agree.
 */
class SpamEximDifferentialTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"4.4 / 5.0", "1003.3 / 5.0", "-0.9 / 5.0", "-72.05 / 5.0", "5.0 / 5.0", "0.25 / 3.0"})
    void eximAndJeximFormatTheSameReplyAlike(String scores) throws Exception {
        assumeTrue(EximBh.available(), "exim4 is not installed");
        String reply = "SPAMD/1.1 0 EX_OK\r\nSpam: True ; " + scores + "\r\n\r\nSpam detection software\r\n\r\n"
                + "Content analysis details:   (x points)\n\n pts rule name  description\n---- ---- ----\n"
                + "1000 GTUBE    BODY: Generic Test\t\n\n\n";
        String format = "S=$spam_score I=$spam_score_int B=$spam_bar A=$spam_action R=";
        String exim;
        String eximRequest;
        try (SilentDaemon spamd = new SilentDaemon(reply)) {
            exim = EximBh.dataReply(dir, "spamd_address = 127.0.0.1 " + spamd.port(),
                    "spam = nobody:true", format + "${sha256:$spam_report}");
            eximRequest = spamd.request;
        }
        ScannedMessage m = new ScannedMessage("Subject: hi\n\nhello\n".getBytes(StandardCharsets.US_ASCII));
        String jexim;
        String jeximRequest;
        try (SilentDaemon spamd = new SilentDaemon(reply)) {
            assertThat(new ScanConditions().spam("nobody:true", "127.0.0.1 " + spamd.port(), m))
                    .isEqualTo(ScanOutcome.OK);
            jeximRequest = spamd.request;
        }
        var v = m.variables();
        jexim = "550 S=" + v.get("spam_score") + " I=" + v.get("spam_score_int") + " B=" + v.get("spam_bar") + " A="
                + v.get("spam_action") + " R=" + HexFormat.of().withUpperCase().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(v.get("spam_report").getBytes(StandardCharsets.UTF_8)));
        assertThat(jexim).isEqualTo(exim);
        assertThat(jeximRequest.lines().limit(2)).containsExactlyElementsOf(eximRequest.lines().limit(2).toList());
        // what spamd sees: the spool_mbox envelope lines before the spooled message
        assertThat(eximRequest).contains("\r\n\r\nFrom MAILER-DAEMON ", "\nX-Envelope-From: <a@x.example>\n"
                + "X-Envelope-To: b@y.example\nReceived: from [127.0.0.1]");
    }

    @org.junit.jupiter.api.Test
    void spooledMessageHasEximsEnvelopeLines() {
        ScannedMessage m = ScannedMessage.spooled("a@x.example", List.of("b@y.example", "c@y.example"),
                "Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII),
                ZonedDateTime.of(2026, 11, 2, 4, 5, 6, 0, java.time.ZoneOffset.UTC));
        assertThat(new String(m.content(), StandardCharsets.US_ASCII)).isEqualTo(String.format(Locale.ROOT,
                "From MAILER-DAEMON Mon Nov  2 04:05:06 2026\nX-Envelope-From: <a@x.example>\n"
                        + "X-Envelope-To: b@y.example, c@y.example\nSubject: hi\n\nhello\n"));
    }
}
