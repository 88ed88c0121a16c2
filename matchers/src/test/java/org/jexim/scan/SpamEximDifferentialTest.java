package org.jexim.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.MessageDigest;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same scripted spamd reply read by the real Exim 4.96 ({@code exim4 -bh}, DATA ACL
 * {@code spam = nobody:true}) and by jexim: the request line and every variable must agree.
 */
class SpamEximDifferentialTest {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"4.4 / 5.0", "1003.3 / 5.0", "-0.9 / 5.0", "-72.05 / 5.0", "5.0 / 5.0", "0.25 / 3.0"})
    void eximAndJeximFormatTheSameReplyAlike(String scores) throws Exception {
        assumeTrue(Files.isExecutable(EXIM), "exim4 is not installed");
        String reply = "SPAMD/1.1 0 EX_OK\r\nSpam: True ; " + scores + "\r\n\r\nSpam detection software\r\n\r\n"
                + "Content analysis details:   (x points)\n\n pts rule name  description\n---- ---- ----\n"
                + "1000 GTUBE    BODY: Generic Test\t\n\n\n";
        String format = "S=$spam_score I=$spam_score_int B=$spam_bar A=$spam_action R=";
        String exim;
        String eximRequest;
        try (SilentDaemon spamd = new SilentDaemon(reply)) {
            exim = eximReply(spamd.port(), format + "${sha256:$spam_report}");
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

    private String eximReply(int port, String message) throws Exception {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            // exim4 drops to its own user before writing the scan file
            Files.setOwner(spool, spool.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("Debian-exim"));
        } catch (UserPrincipalNotFoundException | java.nio.file.FileSystemException e) {
            Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Path conf = dir.resolve("configure");
        Files.writeString(conf, "spool_directory = " + spool + "\nspamd_address = 127.0.0.1 " + port + "\n"
                + "acl_smtp_rcpt = acl_rcpt\nacl_smtp_data = acl_data\nbegin acl\nacl_rcpt:\n  accept\n"
                + "acl_data:\n  deny spam = nobody:true\n       message = " + message + "\n");
        Process p = new ProcessBuilder(EXIM.toString(), "-C", conf.toString(), "-bh", "127.0.0.1").start();
        p.getOutputStream().write(("HELO x.example\r\nMAIL FROM:<a@x.example>\r\nRCPT TO:<b@y.example>\r\nDATA\r\n"
                + "Subject: hi\r\n\r\nhello\r\n.\r\nQUIT\r\n").getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // Exim folds a long reply at a space into 550- continuation lines
        List<String> parts = out.lines().filter(l -> l.startsWith("550")).map(l -> l.substring(4)).toList();
        return parts.isEmpty() ? "no 550 in: " + out : "550 " + String.join(" ", parts);
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
