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
 * The MIME ACL walk of jexim against exim4 -bh on the same messages: an ACL that decodes each
 * leaf part, records the $mime_* variables of every part, and refuses attachments by file
 * extension (the recipe that replaced demime); the DATA ACL shows what was recorded. The
 * expected replies were recorded from exim4 and are checked against it when it is installed.
 */
class MimeEximDifferentialTest {
    @TempDir
    Path dir;

    static final String FIELDS = "mime_part_count mime_content_type mime_filename mime_charset mime_is_multipart "
            + "mime_is_coverletter mime_is_rfc822 mime_content_disposition mime_content_transfer_encoding mime_content_size";

    static final String CLEAN = String.join("\r\n",
            "From: a@x.example", "To: b@y.example", "Subject: parts", "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"outer\"", "",
            "preamble", "--outer",
            "Content-Type: multipart/alternative; boundary=alt", "",
            "--alt", "Content-Type: text/plain; charset=\"ISO-8859-1\"", "Content-Transfer-Encoding: quoted-printable", "",
            "caf=E9 cr=E8me", "--alt", "Content-Type: text/html; charset=utf-8", "", "<p>hello</p>", "--alt--",
            "--outer",
            "Content-Type: application/pdf; name=\"report.pdf\"",
            "Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf",
            "Content-Transfer-Encoding: base64", "",
            "JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSPj4Kc3RyZWFtCg==",
            "--outer",
            "Content-Type: message/rfc822", "Content-Disposition: attachment", "",
            "From: c@z.example", "Subject: inner", "Content-Type: multipart/mixed; boundary=in", "",
            "--in", "Content-Type: text/plain", "", "inner text", "--in",
            "Content-Type: image/png; name=\"=?UTF-8?B?w6lsw6kucG5n?=\"", "Content-Transfer-Encoding: base64", "",
            "iVBORw0KGgo=", "--in--",
            "--outer--", "epilogue", "");

    static final String VIRUS = String.join("\r\n",
            "From: a@x.example", "To: b@y.example", "Subject: invoice", "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=b1", "",
            "--b1", "Content-Type: text/plain", "", "please run the attachment", "--b1",
            "Content-Type: application/octet-stream; name=invoice.EXE",
            "Content-Transfer-Encoding: base64", "", "TVqQAAMAAAAEAAAA", "--b1--", "");

    /** jexim's side of the ACL: the same steps in Java over MimeWalker, MimeDecoder and RegexScan. */
    private String jexim(String message) throws Exception {
        StringBuilder acc = new StringBuilder();
        MimeDecoder decoder = new MimeDecoder(dir.resolve("scan"), "1xV0Qk-0005n4-2y");
        String[] refusal = {null};
        boolean accepted = MimeWalker.walk(message.getBytes(StandardCharsets.UTF_8), part -> {
            Map<String, String> v = new HashMap<>(part.variables());
            try {
                if (v.get("mime_is_multipart").equals("0")) {
                    decoder.decode(part, "default", v);
                }
                acc.append('[');
                String sep = "";
                for (String f : FIELDS.split(" ")) {
                    acc.append(sep).append(v.getOrDefault(f, ""));
                    sep = "|";
                }
                acc.append('|').append(v.containsKey("mime_decoded_filename") ? "yes" : "no").append(']');
                if (RegexScan.whole("(?i)\\.(exe|pif|scr|vbs|bat|com)$", v.get("mime_filename").getBytes(StandardCharsets.UTF_8), v)) {
                    refusal[0] = "550 Blocked attachment " + v.get("mime_filename") + " (part " + v.get("mime_part_count") + ") " + acc;
                    return false;
                }
                return true;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return accepted ? "550 " + acc : refusal[0];
    }

    private String exim(String message) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        StringBuilder vars = new StringBuilder();
        for (String f : FIELDS.split(" ")) {
            vars.append(vars.length() == 0 ? "" : "|").append('$').append(f);
        }
        Path conf = EximOracle.configure(dir, "primary_hostname = mx.test\nacl_smtp_rcpt = acl_rcpt\n"
                + "acl_smtp_mime = acl_mime\nacl_smtp_data = acl_data\nbegin acl\nacl_rcpt:\n  accept\n"
                + "acl_mime:\n  warn condition = ${if eq{$mime_is_multipart}{0}}\n       decode = default\n"
                + "  warn set acl_m_x = $acl_m_x[" + vars + "|${if def:mime_decoded_filename{yes}{no}}]\n"
                + "  deny condition = ${if match{$mime_filename}{\\N(?i)\\.(exe|pif|scr|vbs|bat|com)$\\N}}\n"
                + "       message = Blocked attachment $mime_filename (part $mime_part_count) $acl_m_x\n  accept\n"
                + "acl_data:\n  deny message = $acl_m_x\n");
        StringBuilder data = new StringBuilder();
        for (String line : message.split("\r\n", -1)) {
            data.append(line.startsWith(".") ? "." + line : line).append("\r\n");
        }
        String out = EximOracle.run(conf, null, "EHLO x.example\r\nMAIL FROM:<a@x.example>\r\nRCPT TO:<b@y.example>\r\n"
                + "DATA\r\n" + data.substring(0, data.length() - 2) + ".\r\nQUIT\r\n", "-bh", "192.0.2.1");
        out = new String(out.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8); // file names are UTF-8
        return EximOracle.unfoldedReplies(out).stream().filter(r -> r.startsWith("550")).findFirst()
                .orElse("no 550 in " + out);
    }

    @Test
    void everyPartOfANestedMessageHasEximsVariables() throws Exception {
        String expected = "550 [0|multipart/mixed|||1|1|0|||0|no]"
                + "[1|multipart/alternative|||1|1|0|||0|no]"
                + "[2|text/plain||ISO-8859-1|0|1|0||quoted-printable|1|yes]"
                + "[3|text/html||utf-8|0|1|0|||1|yes]"
                + "[4|application/pdf|résumé.pdf||0|0|0|attachment|base64|1|yes]"
                + "[5|message/rfc822|||0|0|0|attachment||1|yes]"
                + "[0|multipart/mixed|||1|1|1|||0|no]"
                + "[1|text/plain|||0|1|1|||1|yes]"
                + "[2|image/png|élé.png||0|0|1||base64|1|yes]";
        assertThat(jexim(CLEAN)).isEqualTo(expected);
        if (EximOracle.available()) {
            assertThat(exim(CLEAN)).isEqualTo(expected);
        }
    }

    @Test
    void anExecutableAttachmentIsRefusedByItsName() throws Exception {
        String expected = "550 Blocked attachment invoice.EXE (part 2) [0|multipart/mixed|||1|1|0|||0|no]"
                + "[1|text/plain|||0|1|0|||1|yes][2|application/octet-stream|invoice.EXE||0|0|0||base64|1|yes]";
        assertThat(jexim(VIRUS)).isEqualTo(expected);
        if (EximOracle.available()) {
            assertThat(exim(VIRUS)).isEqualTo(expected);
        }
    }
    /** Attack test: malformed MIME that a spammer or a fuzzer sends; each walk must end as exim4's does. */
    static final java.util.List<String> MALFORMED = java.util.List.of(
            // the closing boundary never comes
            String.join("\r\n", "From: a@x.example", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=b1", "",
                    "--b1", "Content-Type: text/plain", "", "open", "--b1", "Content-Type: application/zip; name=a.zip",
                    "Content-Transfer-Encoding: base64", "", "UEsDBA==", ""),
            // a boundary declared and never used
            String.join("\r\n", "From: a@x.example", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=zz", "",
                    "no parts at all", ""),
            // multipart with no boundary parameter, and an unterminated quote
            String.join("\r\n", "From: a@x.example", "MIME-Version: 1.0", "Content-Type: multipart/mixed", "",
                    "--x", "Content-Type: text/plain; name=\"open.txt", "", "body", "--x--", ""),
            // base64 that is not base64, a part without headers, an empty filename
            String.join("\r\n", "From: a@x.example", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=q", "",
                    "--q", "Content-Transfer-Encoding: base64", "Content-Disposition: attachment; filename=\"\"", "",
                    "!!!not*base64###", "--q", "", "headerless", "--q--", ""),
            // a very long file name
            String.join("\r\n", "From: a@x.example", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=L", "",
                    "--L", "Content-Type: application/octet-stream; name=\"" + "x".repeat(3000) + ".bin\"", "", "data",
                    "--L--", ""),
            nested(40));

    /** Multiparts nested {@code depth} deep, a text part at the bottom. */
    static String nested(int depth) {
        StringBuilder b = new StringBuilder("From: a@x.example\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < depth; i++) {
            b.append("Content-Type: multipart/mixed; boundary=n").append(i).append("\r\n\r\n--n").append(i).append("\r\n");
        }
        b.append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            b.append("--n").append(i).append("--\r\n");
        }
        return b.toString();
    }

    @Test
    void malformedMimeEndsAsInExim() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(EximOracle.available(), "needs exim4");
        for (String message : MALFORMED) {
            assertThat(jexim(message)).as(message.length() > 300 ? message.substring(0, 300) : message)
                    .isEqualTo(exim(message));
        }
    }
}
