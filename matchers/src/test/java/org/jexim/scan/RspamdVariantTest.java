package org.jexim.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.jexim.testkit.Daemon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spamd_address = HOST PORT variant=rspamd}: Exim 4.96 speaks rspamd's legacy
 * {@code CHECK RSPAMC/1.3} protocol (not HTTP). rspamd is not installed here, so a scripted
 * peer plays it: it reads the request head and exactly Content-length bytes of message, and
 * answers with a score, an action and a report that echoes the envelope lines it was sent.
 * jexim's $spam_* variables must be what exim4 -bh sets against the same peer.
 */
class RspamdVariantTest {
    @TempDir
    Path dir;

    /** The peer: echoes the envelope lines (not Queue-Id and Content-length, which differ) in its report. */
    private static void rspamd(InputStream in, java.io.OutputStream out) throws IOException {
        String first = ScriptedPeer.line(in).strip();
        List<String> envelope = new ArrayList<>();
        long length = -1;
        for (String line; !(line = ScriptedPeer.line(in).strip()).isEmpty(); ) {
            if (line.startsWith("Content-length: ")) {
                length = Long.parseLong(line.substring(16));
            } else if (!line.startsWith("Queue-Id: ")) {
                envelope.add(line);
            }
        }
        byte[] body = in.readNBytes((int) Math.max(0, length));
        boolean complete = first.equals("CHECK RSPAMC/1.3") && body.length == length;
        boolean eicar = new String(body, StandardCharsets.ISO_8859_1).contains("EICAR-STANDARD-ANTIVIRUS");
        String reply = complete
                ? "RSPAMD/1.3 0 EX_OK\r\nMetric: default; True " + (eicar ? "16.50" : "2.00") + " / 15.00 / 20.00\r\n"
                        + "Action: " + (eicar ? "add header" : "no action") + "\r\nSymbol: EICAR_SEEN\r\n"
                        + "Message-ID: " + String.join("|", envelope) + "\r\n"
                : "garbage\r\n";
        out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Test
    void spamVariablesAreExims() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.tcp(RspamdVariantTest::rspamd)) {
            String address = peer.address() + " variant=rspamd";
            ScannedMessage m = new ScannedMessage(("Subject: hi\n\nhello\n" + Daemon.EICAR + "\n").getBytes(StandardCharsets.US_ASCII))
                    .withEnvelope(new ScanEnvelope("1abcde-000000-AB", "a@x.example", List.of("b@y.example"), "x.example", "",
                            "127.0.0.1", ""));
            assertThat(new ScanConditions().spam("nobody:true", address, m)).isEqualTo(ScanOutcome.OK);
            String vars = "S=" + m.variables().get("spam_score") + " I=" + m.variables().get("spam_score_int")
                    + " B=" + m.variables().get("spam_bar") + " A=" + m.variables().get("spam_action")
                    + " R=" + m.variables().get("spam_report");
            String expected = "S=16.5 I=165 B=++++++++++++++++ A=add header R=Action: add header Symbol: EICAR_SEEN "
                    + "Message-ID: From: <a@x.example>|Recipient-Number: 1|Rcpt: <b@y.example>|Helo: x.example|IP: 127.0.0.1";
            // the report's line breaks become "\n " in the variable; the SMTP reply joins lines with a space
            assertThat(vars.replace("\n ", " ")).isEqualTo(expected);
            assertThat(new ScanConditions().spam("nobody", address, m)).isEqualTo(ScanOutcome.OK);
            if (EximBh.available()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                Path eximDir = Files.createDirectories(dir.resolve("exim"));
                assertThat(EximBh.dataReply(eximDir, "spamd_address = " + address, "spam = nobody:true",
                        "S=$spam_score I=$spam_score_int B=$spam_bar A=$spam_action R=$spam_report"))
                        .isEqualTo("550 " + expected);
            }
        }
    }

    @Test
    void aReplyThatIsNotRspamdsDefers() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.tcp((in, out) -> {
            long length = 0;
            for (String line; !(line = ScriptedPeer.line(in).strip()).isEmpty(); ) {
                if (line.startsWith("Content-length: ")) {
                    length = Long.parseLong(line.substring(16));
                }
            }
            in.readNBytes((int) length);
            out.write("SPAMD/1.1 0 EX_OK\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        })) {
            ScannedMessage m = new ScannedMessage("Subject: hi\n\nhello\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new ScanConditions().spam("nobody", peer.address() + " variant=rspamd", m)).isEqualTo(ScanOutcome.DEFER);
            assertThat(m.lastError()).hasValueSatisfying(e -> assertThat(e).contains("cannot parse spamd output"));
        }
    }
}
