package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sendmail interface side by side with the real exim4: the same command line and standard
 * input given to {@code exim4 -odq} and to jexim must spool the same message (-H envelope, option
 * lines and transmitted headers, -D body; ids, dates and times masked), write the same mainlog
 * lines, print the same errors and exit with the same status.
 */
class SendmailAgainstEximTest {
    private static final String CONFIG = "acl_not_smtp = acl_ns\n"
        + "acl_smtp_rcpt = acl_r\n"
        + "dsn_advertise_hosts = *\n"
        + "acl_not_smtp_mime = acl_nsm\n"
        + "acl_not_smtp_start = acl_nss\n"
        + "begin acl\n"
        + "acl_r:\n"
        + "  accept recipients = frozen@test.example\n"
        + "         control = freeze\n"
        + "  accept recipients = queued@test.example\n"
        + "         control = queue\n"
        + "  accept\n"
        + "acl_nss:\n"
        + "  accept condition = ${if eq{$sender_address}{raw@else.example}}\n"
        + "         control = suppress_local_fixups\n"
        + "  accept\n"
        + "acl_nsm:\n"
        + "  deny message = Blocked $mime_filename in part $mime_part_count\n"
        + "       condition = ${if match{$mime_filename}{\\N\\.exe$\\N}}\n"
        + "  discard condition = ${if match{$mime_filename}{\\N\\.zip$\\N}}\n"
        + "  accept\n"
        + "acl_ns:\n"
        + "  warn logwrite = ns for $recipients\n"
        + "  deny message = Go away $sender_address\n"
        + "       log_message = logged $recipients_count\n"
        + "       condition = ${if eq{$recipients}{bad@test.example}}\n"
        + "  deny condition = ${if eq{$recipients}{forbidden@test.example}}\n"
        + "       recipients = *\n"
        + "  deny message = Header says $h_x-deny:\n"
        + "       condition = ${if def:h_x-deny:}\n"
        + "  discard log_message = dropped $recipients\n"
        + "       condition = ${if eq{$recipients}{drop@test.example}}\n"
        + "  accept\n";
    private static final String DATE = "\\w{3}, \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d [-+]\\d{4}";
    private static final String ID = "[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}";

    @TempDir
    Path dir;
    private ScratchSpool exim;
    private ScratchSpool jexim;

    @BeforeEach
    void spools() throws Exception {
        assumeTrue(ScratchSpool.eximUsable(), "needs /usr/sbin/exim4 and root");
        exim = new ScratchSpool(dir.resolve("exim"), CONFIG);
        jexim = new ScratchSpool(dir.resolve("jexim"), CONFIG);
    }

    @AfterEach
    void forgetTheName() {
        System.clearProperty("jexim.argv0");
    }

    static List<Arguments> submissions() {
        return List.of(
            Arguments.of(List.of("-t", "-i"),
                "Subject: hello\nTo: bob@test.example\nCc: carol\nBcc: dave@x.example\n\nbody line\n.\nmore\n"),
            Arguments.of(List.of("-f", "someone@else.example", "-F", "Some Body", "bob"), "Subject: hi\n\nbody\n"),
            Arguments.of(List.of("bob@test.example"), "From: root\nSubject: login only\n\nx\n"),
            Arguments.of(List.of("-oi", "bob"),
                "Message-ID: <abc@def.example>\nDate: Mon, 1 Jan 2024 00:00:00 +0000\nSubject: kept\n\nline\n.\nafter dot\n"),
            Arguments.of(List.of("bob"), "Subject: dot\r\n\r\nbefore\r\n.\r\nafter\r\n"),
            Arguments.of(List.of("-t", "a@b.example"), "To: a@b.example, c@d.example\nSubject: x\n\nb\n"),
            Arguments.of(List.of("-oMr", "batch", "-F", "Name, With Comma", "carol", "dave@other.example"),
                "Subject: protocol\n\nb\n"),
            Arguments.of(List.of("-f", "<>", "bob"), "Subject: null sender\n\nb\n"),
            Arguments.of(List.of("-t"), "To: \"Bob B.\" <bob@test.example>, (comment) carol (Carol),\n  group: dave, erin@x.example;\n"
                + "Sender: someone@else.example\nSubject: groups\n\nno blank line end"),
            Arguments.of(List.of("-oep", "bad"), "Subject: denied\n\nb\n"),
            Arguments.of(List.of("-t", "-oep"), "Subject: nobody\n\nb\n"),
            Arguments.of(List.of("-t", "-oep", "a@b.example"), "To: a@b.example\n\nb\n"),
            Arguments.of(List.of("-oep"), "Subject: no args\n\nb\n"),
            Arguments.of(List.of("-fsomeone@x.example", "-FAttached", "bob"), "Not a header line\nSubject: body\n"),
            Arguments.of(List.of("-oep", "bob"), MULTIPART.formatted("report.pdf")),
            Arguments.of(List.of("-oep", "bob"), MULTIPART.formatted("invoice.exe")),
            Arguments.of(List.of("-oep", "bob"), MULTIPART.formatted("archive.zip")),
            Arguments.of(List.of("drop@test.example"), "Subject: dropped\n\nb\n"),
            Arguments.of(List.of("-oep", "forbidden@test.example"), "Subject: recipients condition\n\nb\n"),
            Arguments.of(List.of("-oep", "bob"), "Subject: header\nX-Deny: yes please\n\nb\n"),
            Arguments.of(List.of("-oMa", "192.0.2.4", "bob"), "Subject: from a host\n\nb\n"),
            Arguments.of(List.of("-oMa", "192.0.2.4.2525", "-oMs", "host.example", "-oMt", "idt", "bob"), "Subject: named host\n\nb\n"),
            Arguments.of(List.of("-f", "raw@else.example", "bob"), "Subject: no fix-ups\n\nb\n"),
            Arguments.of(List.of("-bs"), "HELO client.example\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<bob@test.example>\r\n"
                + "DATA\r\nSubject: over -bs\r\n\r\nhi\r\n.\r\nQUIT\r\n"),
            Arguments.of(List.of("-bs"), "EHLO client.example\r\nMAIL FROM:<a@b.example> RET=HDRS ENVID=e+2B1\r\n"
                + "RCPT TO:<bob@test.example> NOTIFY=SUCCESS,DELAY ORCPT=rfc822;bob@test.example\r\n"
                + "RCPT TO:<carol@test.example> NOTIFY=NEVER\r\nRCPT TO:<dave@test.example>\r\n"
                + "DATA\r\nSubject: DSN over -bs\r\n\r\nhi\r\n.\r\nQUIT\r\n"),
            // each NOTIFY/ORCPT combination: the ORCPT kept as given, and only beside NOTIFY flags
            Arguments.of(List.of("-bs"), "EHLO client.example\r\nMAIL FROM:<a@b.example>\r\n"
                + "RCPT TO:<a@test.example> ORCPT=rfc822;a+40b.example\r\n"
                + "RCPT TO:<b@test.example> ORCPT=rfc822;o+40b.example NOTIFY=FAILURE\r\n"
                + "RCPT TO:<c@test.example> ORCPT=bad NOTIFY=never\r\n"
                + "RCPT TO:<d@test.example> ORCPT=RFC822;X@Y.example NOTIFY=delay,success\r\n"
                + "RCPT TO:<e@test.example> NOTIFY=\r\n"
                + "RCPT TO:<f@test.example> ORCPT= NOTIFY=SUCCESS\r\n"
                + "RCPT TO:<g@test.example> ORCPT=rfc822;a+2bb@c NOTIFY=FAILURE,SUCCESS,DELAY\r\n"
                + "RCPT TO:<h@test.example> ORCPT=utf-8;a\\x{40}b NOTIFY=FAILURE\r\n"
                + "RCPT TO:<i@test.example> NOTIFY=SUCCESS ORCPT=rfc822;x+zz\r\n"
                + "RCPT TO:<j@test.example> NOTIFY=FAILURE,,SUCCESS\r\n"
                + "RCPT TO:<k@test.example> ORCPT=rfc822;k@test.example\r\n"
                + "DATA\r\nSubject: DSN combinations\r\n\r\nhi\r\n.\r\nQUIT\r\n"),
            Arguments.of(List.of("-bs"), "EHLO client.example\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<frozen@test.example>\r\n"
                + "DATA\r\nSubject: frozen over -bs\r\n\r\nhi\r\n.\r\nMAIL FROM:<a@b.example>\r\n"
                + "RCPT TO:<queued@test.example>\r\nDATA\r\nSubject: queued over -bs\r\n\r\nho\r\n.\r\nQUIT\r\n"),
            // -bS: batched SMTP, no replies, no SMTP ACLs; the first error abandons the rest (report and status)
            Arguments.of(List.of("-bS"), "HELO client.example\nMAIL FROM:<a@b.example>\nRCPT TO:<bob@test.example>\n"
                + "DATA\nSubject: batched\n\nhi\n..dot\n.\nMAIL FROM:<c@b.example>\nRCPT TO:<carol>\n"
                + "RCPT TO:<bad@test.example>\nDATA\r\nSubject: second\r\n\r\nbare\nLF\r\n.\r\nQUIT\n"),
            Arguments.of(List.of("-bS"), "MAIL FROM:<a@b.example>\nRCPT TO:<bob@test.example>\nDATA\nSubject: one\n\nb\n.\n"
                + "FOO bar\nQUIT\n"),
            Arguments.of(List.of("-bS"), "MAIL FROM:<a@b.example>\nMAIL FROM:<a@b.example>\n"),
            Arguments.of(List.of("-bS"), "RSET\nNOOP\nRCPT TO:<bob@test.example>\n"),
            Arguments.of(List.of("-bS"), "MAIL FROM:<a@b.example>\nDATA\n"),
            Arguments.of(List.of("-bS"), "DATA\n"),
            Arguments.of(List.of("-bS"), "MAIL FROM:<a@b.example\n"),
            Arguments.of(List.of("-bS"), "MAIL FROM:\n"),
            Arguments.of(List.of("-bS"), "MAIL FROM:<a@b.example>\nRCPT TO:<bob@test.example>\nDATA\nSubject: t\n\nbody\n"),
            // the non-SMTP ACLs run for each batched message; a refusal ends the batch with "550 TEXT"
            Arguments.of(List.of("-bS"), "MAIL FROM:<a@b.example>\nRCPT TO:<bob@test.example>\nDATA\nSubject: one\n\nb\n.\n"
                + "MAIL FROM:<a@b.example>\nRCPT TO:<bad@test.example>\nDATA\nSubject: two\n\nb\n.\n"
                + "MAIL FROM:<a@b.example>\nRCPT TO:<bob@test.example>\nDATA\nSubject: three\n\nb\n.\nQUIT\n"),
            Arguments.of(List.of("-bS"), "MAIL FROM:<a@b.example>\nRCPT TO:<forbidden@test.example>\nDATA\nSubject: x\n\nb\n.\n"),
            Arguments.of(List.of("-bS"), "MAIL FROM:<a@b.example>\nRCPT TO:<drop@test.example>\nDATA\nSubject: x\n\nb\n.\n"));
    }

    /** A two-part message whose attachment name acl_not_smtp_mime looks at. */
    private static final String MULTIPART = "Subject: parts\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/mixed; boundary=b1\n\n--b1\nContent-Type: text/plain\n\nhello\n--b1\n"
        + "Content-Type: application/octet-stream; name=%s\nContent-Transfer-Encoding: base64\n\nTVqQAAMA\n--b1--\n";

    @ParameterizedTest
    @MethodSource("submissions")
    void spoolsWhatEximSpools(List<String> args, String input) throws Exception {
        Run e = runExim(args, input);
        Run j = runJexim(args, input);
        assertThat(j.err()).as("stderr").isEqualTo(e.err());
        assertThat(j.status()).as("status").isEqualTo(e.status());
        if (args.contains("-bS")) {
            assertThat(j.out()).as("stdout").isEqualTo(e.out()); // -bS's error report; -bs replies are compared elsewhere
        }
        assertThat(jexim.ids()).as("messages spooled").hasSameSizeAs(exim.ids());
        for (int i = 0; i < exim.ids().size(); i++) {
            String eid = exim.ids().get(i);
            String jid = jexim.ids().get(i);
            Header eh = Header.parse(read(exim.headerFile(eid)));
            Header jh = Header.parse(read(jexim.headerFile(jid)));
            assertThat(jh.envelope()).as("-H envelope").isEqualTo(eh.envelope());
            assertThat(jh.options()).as("-H options").isEqualTo(eh.options());
            assertThat(jh.headers()).as("-H headers").isEqualTo(eh.headers());
            assertThat(mask(read(Files.readAllBytes(data(jexim, jid))))).as("-D")
                .isEqualTo(mask(read(Files.readAllBytes(data(exim, eid)))));
        }
        assertThat(jexim.mainlog().stream().map(SendmailAgainstEximTest::mask).toList()).as("mainlog")
            .isEqualTo(exim.mainlog().stream().map(SendmailAgainstEximTest::mask).toList());
    }

    private static Path data(ScratchSpool spool, String id) {
        return spool.spool.resolve("input").resolve(id + "-D");
    }

    record Run(String err, int status, String out) {
    }

    private Run runExim(List<String> args, String input) throws Exception {
        List<String> command = new ArrayList<>(List.of(ScratchSpool.EXIM.toString(), "-C", exim.configure.toString(), "-odq"));
        command.addAll(args);
        Path errFile = dir.resolve("exim.err");
        Path outFile = dir.resolve("exim.out");
        Process p = new ProcessBuilder(command).redirectError(errFile.toFile()).redirectOutput(outFile.toFile()).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.ISO_8859_1));
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("exim4 hangs");
        }
        return new Run(mask(Files.readString(errFile, StandardCharsets.ISO_8859_1)), p.exitValue(),
                mask(Files.readString(outFile, StandardCharsets.ISO_8859_1)));
    }

    private Run runJexim(List<String> args, String input) throws Exception {
        List<String> all = new ArrayList<>(List.of("-C", jexim.configure.toString(), "-odq"));
        all.addAll(args);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine line = Main.parse(all.toArray(new String[0]));
        line.in = new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1));
        line.err = new PrintStream(err, true, StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line.out = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        int status = Main.run(line);
        return new Run(mask(err.toString(StandardCharsets.ISO_8859_1)), status, mask(out.toString(StandardCharsets.ISO_8859_1)));
    }

    private static String read(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static String mask(String text) {
        return text.replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ", "")
            .replaceAll(DATE, "DATE").replaceAll(ID, "ID");
    }

    /**
     * A -H file cut into what the comparison looks at: the envelope (owner, sender, recipients),
     * the option lines in order (the arrival times masked, jexim's own lines left out), and the
     * headers a delivery transmits (deleted ones, flagged *, left out).
     */
    record Header(List<String> envelope, List<String> options, List<String> headers) {
        static Header parse(String text) {
            String[] lines = text.split("\n", -1);
            List<String> envelope = new ArrayList<>(List.of(lines[1], lines[2]));
            List<String> options = new ArrayList<>();
            int i = 4;
            for (; lines[i].startsWith("-"); i++) {
                String name = lines[i].split(" ")[0];
                if (name.startsWith("-received_time_") || name.equals("-frozen")) {
                    options.add(name + " TIME");
                } else if (!name.startsWith("-jexim_")) {
                    options.add(lines[i]);
                }
            }
            i++; // the non-recipients tree
            int count = Integer.parseInt(lines[i++].trim());
            for (int r = 0; r < count; r++) {
                envelope.add(lines[i++]);
            }
            i++; // the blank line
            String rest = String.join("\n", java.util.Arrays.copyOfRange(lines, i, lines.length));
            List<String> headers = new ArrayList<>();
            int pos = 0;
            while (pos + 5 <= rest.length()) {
                int length = Integer.parseInt(rest.substring(pos, pos + 3));
                char flag = rest.charAt(pos + 3);
                String field = rest.substring(pos + 5, Math.min(rest.length(), pos + 5 + length));
                if (flag != '*') {
                    headers.add(mask(length + String.valueOf(flag) + " " + field));
                }
                pos += 5 + length;
            }
            return new Header(envelope, options, headers);
        }
    }
}
