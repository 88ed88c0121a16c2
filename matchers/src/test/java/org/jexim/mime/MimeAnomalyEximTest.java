package org.jexim.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.jexim.testkit.EximOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * $mime_anomaly_level/$mime_anomaly_text after decode, and the regex condition on multipart
 * containers (their raw body, nested parts included, up to a line starting with the enclosing
 * boundary), against exim4 -bh: the MIME ACL decodes the leaves, records each part's anomaly
 * and whether "^needle" matches the part.
 */
class MimeAnomalyEximTest {
    @TempDir
    Path dir;

    static final String MESSAGE = String.join("\r\n",
            "From: a@x.example", "To: b@y.example", "Subject: anomalies", "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"outer\"", "",
            "preamble", "--outer",
            "Content-Type: multipart/alternative; boundary=alt", "",
            "--alt", "Content-Type: text/plain", "Content-Transfer-Encoding: quoted-printable", "",
            "needle in a=ZZhaystack=", "soft break", "--alt", "Content-Type: text/html", "", "<p>hello</p>", "--alt--",
            "--outer",
            "Content-Type: application/octet-stream; name=\"x.bin\"", "Content-Transfer-Encoding: base64", "",
            "SGVsbG8*gd29y!bGQ=", "--outer",
            "Content-Type: text/plain", "Content-Transfer-Encoding: base64", "", "SGVsbG8gd29ybGQ=",
            "--outer--", "epilogue", "");

    /** Boundaries that begin with the enclosing one, and a body line that only looks like a boundary. */
    static final String PREFIXES = String.join("\r\n",
            "From: a@x.example", "To: b@y.example", "Subject: prefixes", "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"b1\"", "",
            "needle in the preamble", "--b1",
            "Content-Type: multipart/alternative; boundary=\"b1-inner\"", "",
            "needle in the inner preamble", "--b1-inner", "Content-Type: text/plain", "",
            "first line", "--b1-innerzzz is no boundary", "needle after it", "--b1-inner--",
            "--b1", "Content-Type: text/plain", "", "needle in the last part", "--b1x no boundary either", "needle again",
            "--b1--", "needle in the epilogue", "");

    private String jexim() throws Exception {
        return jexim(MESSAGE);
    }

    private String jexim(String message) throws Exception {
        StringBuilder acc = new StringBuilder();
        StringBuilder matched = new StringBuilder();
        MimeDecoder decoder = new MimeDecoder(dir.resolve("scan"), "1xV0Qk-0005n4-2y");
        MimeWalker.walk(message.getBytes(StandardCharsets.US_ASCII), part -> {
            Map<String, String> v = new HashMap<>(part.variables());
            try {
                if (v.get("mime_is_multipart").equals("0")) {
                    decoder.decode(part, "default", v);
                }
                if (RegexScan.linewise("^needle", part.regexText(), v)) {
                    matched.append('[').append(v.get("mime_part_count")).append(']');
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            acc.append('[').append(v.get("mime_part_count")).append('|').append(v.get("mime_anomaly_level"))
                    .append('|').append(v.get("mime_anomaly_text")).append(']');
            return true;
        });
        return "550 " + acc + " R=" + matched;
    }

    private String exim() throws Exception {
        return exim(MESSAGE);
    }

    private String exim(String message) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = EximOracle.configure(dir, "primary_hostname = mx.test\nacl_smtp_rcpt = acl_rcpt\n"
                + "acl_smtp_mime = acl_mime\nacl_smtp_data = acl_data\nbegin acl\nacl_rcpt:\n  accept\n"
                + "acl_mime:\n  warn condition = ${if eq{$mime_is_multipart}{0}}\n       decode = default\n"
                + "  warn regex = ^needle\n       set acl_m_r = $acl_m_r[$mime_part_count]\n"
                + "  warn set acl_m_x = $acl_m_x[$mime_part_count|$mime_anomaly_level|$mime_anomaly_text]\n  accept\n"
                + "acl_data:\n  deny message = $acl_m_x R=$acl_m_r\n");
        String out = EximOracle.run(conf, null, "EHLO x.example\r\nMAIL FROM:<a@x.example>\r\nRCPT TO:<b@y.example>\r\n"
                + "DATA\r\n" + message + ".\r\nQUIT\r\n", "-bh", "192.0.2.1");
        return EximOracle.unfoldedReplies(out).stream().filter(r -> r.startsWith("550")).findFirst()
                .orElse("no 550 in " + out);
    }

    @Test
    void brokenEncodingsAndContainerRegexAreAsInExim() throws Exception {
        String expected = "550 [0|0|][1|0|][2|1|" + MimeAnomaly.QP + "][3|0|][4|2|" + MimeAnomaly.BASE64 + "][5|0|] R=[0][1][2]";
        assertThat(jexim()).isEqualTo(expected);
        if (EximOracle.available()) {
            assertThat(exim()).isEqualTo(expected);
        }
    }

    @Test
    void regexInAPartStopsAtALineStartingWithTheEnclosingBoundary() throws Exception {
        // part 2 stops at "--b1-innerzzz" (its boundary "b1-inner" is a prefix), before "needle after it"
        String expected = "550 [0|0|][1|0|][2|0|][3|0|] R=[0][1][3]";
        assertThat(jexim(PREFIXES)).isEqualTo(expected);
        if (EximOracle.available()) {
            assertThat(exim(PREFIXES)).isEqualTo(expected);
        }
    }
}
