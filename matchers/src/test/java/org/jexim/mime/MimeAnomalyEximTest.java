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
 * containers (their whole raw body, nested parts included), against exim4 -bh: the MIME ACL
 * decodes the leaves, records each part's anomaly and whether "^needle" matches the part.
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

    private String jexim() throws Exception {
        StringBuilder acc = new StringBuilder();
        StringBuilder matched = new StringBuilder();
        MimeDecoder decoder = new MimeDecoder(dir.resolve("scan"), "1xV0Qk-0005n4-2y");
        MimeWalker.walk(MESSAGE.getBytes(StandardCharsets.US_ASCII), part -> {
            Map<String, String> v = new HashMap<>(part.variables());
            try {
                if (v.get("mime_is_multipart").equals("0")) {
                    decoder.decode(part, "default", v);
                }
                if (RegexScan.linewise("^needle", part.rawBody(), v)) {
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
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = EximOracle.configure(dir, "primary_hostname = mx.test\nacl_smtp_rcpt = acl_rcpt\n"
                + "acl_smtp_mime = acl_mime\nacl_smtp_data = acl_data\nbegin acl\nacl_rcpt:\n  accept\n"
                + "acl_mime:\n  warn condition = ${if eq{$mime_is_multipart}{0}}\n       decode = default\n"
                + "  warn regex = ^needle\n       set acl_m_r = $acl_m_r[$mime_part_count]\n"
                + "  warn set acl_m_x = $acl_m_x[$mime_part_count|$mime_anomaly_level|$mime_anomaly_text]\n  accept\n"
                + "acl_data:\n  deny message = $acl_m_x R=$acl_m_r\n");
        String out = EximOracle.run(conf, null, "EHLO x.example\r\nMAIL FROM:<a@x.example>\r\nRCPT TO:<b@y.example>\r\n"
                + "DATA\r\n" + MESSAGE + ".\r\nQUIT\r\n", "-bh", "192.0.2.1");
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
}
