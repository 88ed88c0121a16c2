package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The running server answers a real client over TCP with Exim's words: the same scripted
 * sessions go to ./jexim -bd and to {@code exim4 -bh 127.0.0.1} on the same configure
 * (container's bh/verbs.conf), and every reply must agree (time of day and message ids
 * masked, Exim's EHLO keywords jexim does not offer dropped, as in bh/known-differences.txt);
 * swaks gets 250 OK id=ID and the main log gets the {@code <=} and {@code rejected RCPT} lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpRepliesIT {
    private static final Path BH = Jexim.ROOT.resolve("container/src/test/resources/org/jexim/smtp/bh");
    private static final List<String> SESSIONS = List.of(
            "EHLO client.test\nMAIL FROM:<a@b.test>\nRCPT TO:<alice@example.com>\nRCPT TO:<carol@example.com>\n"
                    + "RCPT TO:<dave@example.com>\nRCPT TO:<george@example.com>\nRCPT TO:<harry@example.com>\n"
                    + "RCPT TO:<x@elsewhere.test>\nDATA\nSubject: hi\n\nbody\n.\nQUIT\n",
            "HELO other.test\nRCPT TO:<alice@example.com>\nMAIL FROM:<bad@evil.test>\nMAIL FROM:<x@slow.test>\n"
                    + "MAIL FROM:<y@b.test>\nMAIL FROM:<z@b.test>\nRSET\nNOOP\nRCPT TO:<frank@example.com>\nQUIT\n",
            "EHLO a.test\nMAIL FROM:<drop@evil.test>\nRCPT TO:<alice@example.com>\n",
            // smtp_max_unknown_commands and smtp_max_synprot_errors: the fourth error closes
            "EHLO a.test\nFOO\nBAR\nMAIL FROM:<a@b.test>\nMAIL FROM:<c@b.test>\nBAZ\nQUX\nNOOP\n",
            "EHLO a.test\nFOO\nBAR\nBAZ\nQUX\nNOOP\n",
            // HELP's list, and smtp_accept_max_nonmail (10): the eleventh nonmail command closes
            "EHLO a.test\nHELP\nRSET\nRSET\n" + "NOOP\n".repeat(9) + "QUIT\n");
    /** MAIL's and RCPT's address syntax before any ACL, on bh/envelope.conf (its -bh twin: envelope.sessions). */
    private static final List<String> ENVELOPE_SESSIONS = List.of(
            "EHLO client.example\nMAIL FROM:<user>\nMAIL FROM:<@a.example:user@[192.0.2.3]>\nRCPT TO:<other>\n"
                    + "RCPT TO:<PostMaster>\nRCPT TO:<u@[192.0.2.2]>\nQUIT\n",
            "EHLO client.example\nMAIL FROM:<a@b.example>\nRCPT TO:<@a.example:u@deny.example>\n"
                    + "RCPT TO:<u@Deny.Example> NOTIFY=NEVER\nRCPT TO:<a@@b.example>\nRSET\nMAIL FROM:<a@@b.example>\n"
                    + "MAIL FROM:<a@b.example> FOO=bar\nRCPT TO:<u@v.example.>\nQUIT\n");
    Path home;
    int port;
    Path envelopeHome;
    int envelopePort;
    Path utf8Home;
    int utf8Port;
    Path limitsHome;
    int limitsPort;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory("jexim-smtp-it");
        port = daemon(home, "verbs.conf");
        envelopeHome = Files.createTempDirectory("jexim-envelope-it");
        envelopePort = daemon(envelopeHome, "envelope.conf");
        utf8Home = Files.createTempDirectory("jexim-utf8-it");
        utf8Port = daemon(utf8Home, "utf8.conf");
        limitsHome = Files.createTempDirectory("jexim-headerlimits-it");
        limitsPort = daemon(limitsHome, "headerlimits.conf");
    }

    /** Starts ./jexim -bd on a copy of bh/NAME with its own spool and logs in {@code dir}; its port. */
    private static int daemon(Path dir, String name) throws Exception {
        Path configure = dir.resolve("configure");
        Files.writeString(configure, "spool_directory = " + dir.resolve("spool") + "\nlog_file_path = " + dir.resolve("log")
                + "/%slog\n" + Files.readString(BH.resolve(name)));
        int free = Jexim.freePort();
        Jexim.Result started = Jexim.jexim("-C", configure.toString(), "-oX", Integer.toString(free), "-bd");
        assertThat(started.status()).as(started.output()).isZero();
        return free;
    }

    @AfterAll
    void stop() throws Exception {
        Jexim.stop(home.resolve("spool"));
        Jexim.stop(envelopeHome.resolve("spool"));
        Jexim.stop(utf8Home.resolve("spool"));
        Jexim.stop(limitsHome.resolve("spool"));
    }

    /** header_maxsize and header_line_maxsize (bh/headerlimits.conf): the daemon's 552s are exim4's, with its log line. */
    @Test
    void oversizedHeadersAreAbandonedAsEximDoes() throws Exception {
        String session = "EHLO c.test\nMAIL FROM:<a@b.test>\nRCPT TO:<x@y.test>\nDATA\nSubject: ok\n\nb\n.\n"
                + "MAIL FROM:<a@b.test>\nRCPT TO:<x@y.test>\nDATA\nSubject: long\nX-A: " + "0".repeat(40) + "\n\nb\n.\n"
                + "MAIL FROM:<a@b.test>\nRCPT TO:<x@y.test>\nDATA\n" + "X-B: 0123456789\n".repeat(7) + "\nb\n.\nQUIT\n";
        assertThat(mask(tcp(limitsPort, session))).isEqualTo(mask(eximBh("headerlimits.conf", session)));
        assertThat(Files.readString(limitsHome.resolve("log/mainlog")))
                .contains("overlong message header line received from (c.test) [127.0.0.1] (more than 40 characters):"
                        + " message abandoned")
                .contains("ridiculously long message header received from (c.test) [127.0.0.1] (more than 100 characters):"
                        + " message abandoned");
    }

    @Test
    void serverRepliesAreEximsBhReplies() throws Exception {
        for (String session : SESSIONS) {
            assertThat(mask(tcp(port, session))).as(session).isEqualTo(mask(eximBh("verbs.conf", session)));
        }
    }

    @Test
    void addressSyntaxBeforeTheAclsIsEximsAndSoAreTheLogLines() throws Exception {
        for (String session : ENVELOPE_SESSIONS) {
            assertThat(mask(tcp(envelopePort, session))).as(session).isEqualTo(mask(eximBh("envelope.conf", session)));
        }
        String mainlog = Files.readString(envelopeHome.resolve("log/mainlog"));
        assertThat(mainlog).contains(" H=(client.example) [127.0.0.1] F=<a@b.example> rejected RCPT"
                        + " <@a.example:u@deny.example>: no mail for deny.example")
                .contains(" SMTP call from (client.example) [127.0.0.1] dropped: too many syntax or protocol errors"
                        + " (last command was \"MAIL FROM:<a@b.example> FOO=bar\",  C=EHLO,MAIL,RCPT,RCPT,RCPT,RSET,MAIL,MAIL)");
    }

    /**
     * SMTPUTF8 offered, the MAIL option taken ($message_smtputf8, P=utf8esmtp) or refused as Exim does. With
     * ASCII addresses: James's MailAddress refuses a UTF-8 local part (a known difference of the server).
     */
    @Test
    void smtputf8IsOfferedAndTakenAsEximDoes() throws Exception {
        String session = "EHLO c\nMAIL FROM:<u@b.example> SMTPUTF8\nRCPT TO:<v@x.example>\nDATA\nSubject: x\n\nb\n.\n"
                + "MAIL FROM:<a@b.example> SMTPUTF8=x\nHELO x\nMAIL FROM:<a@b.example> SMTPUTF8\nQUIT\n";
        List<String> replies = tcp(utf8Port, session);
        assertThat(mask(replies)).isEqualTo(mask(eximBh("utf8.conf", session)));
        assertThat(replies).contains("250-SMTPUTF8", "250 smtputf8 <yes> proto utf8esmtp from <u@b.example>");
        MainLogs.waitForLines(" <= ", 1, utf8Home);
        assertThat(Files.readString(utf8Home.resolve("log/mainlog"))).contains(" <= u@b.example H=(c) [127.0.0.1] P=utf8esmtp S=");
    }

    /** The replies of {@code exim4 -bh 127.0.0.1} on bh/NAME to a script. */
    private static List<String> eximBh(String name, String session) throws Exception {
        return Jexim.run(List.of("sh", "-c", "printf '%s' \"$0\" | sed 's/$/\\r/' | /usr/sbin/exim4 -C "
                + BH.resolve(name) + " -bh 127.0.0.1 2>/dev/null", session)).output().lines()
                .filter(l -> !l.startsWith("****") && !l.isBlank()).toList();
    }

    @Test
    void swaksGetsTheSpoolIdAndTheLogsTellTheStory() throws Exception {
        Jexim.Result swaks = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--from", "s@b.test",
                "--to", "alice@example.com", "--helo", "swaks.test"));
        assertThat(swaks.output()).contains("<-  250 Accepted", "<-  354 Enter message, ending with \".\" on a line by itself")
                .containsPattern("<-  250 OK id=[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}")
                .contains("<-  221 mx.example.com closing connection");
        Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--from", "s@b.test",
                "--to", "carol@example.com", "--helo", "swaks.test"));
        String mainlog = Files.readString(home.resolve("log/mainlog"));
        assertThat(mainlog).containsPattern(" <= s@b.test H=\\(swaks.test\\) \\[127.0.0.1\\] P=esmtp S=[0-9]+")
                .contains(" H=(swaks.test) [127.0.0.1] F=<s@b.test> rejected RCPT <carol@example.com>");
        assertThat(Files.readString(home.resolve("log/rejectlog")))
                .contains(" H=(swaks.test) [127.0.0.1] F=<s@b.test> rejected RCPT <carol@example.com>");
    }

    /** The server's reply lines to a script, stopping where it closes the connection. */
    private static List<String> tcp(int port, String script) throws Exception {
        List<String> replies = new ArrayList<>();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            if (!read(in, replies)) {
                return replies;
            }
            boolean data = false;
            for (String line : script.split("\n")) {
                out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                if (data && !line.equals(".")) {
                    continue;
                }
                data = line.equals("DATA");
                if (!read(in, replies) || replies.get(replies.size() - 1).startsWith("221")) {
                    break;
                }
                data = data && replies.get(replies.size() - 1).startsWith("354");
            }
        }
        return replies;
    }

    /** Reads one reply (all its lines); false when the server closed the connection. */
    private static boolean read(BufferedReader in, List<String> replies) throws Exception {
        String line;
        while ((line = in.readLine()) != null) {
            replies.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return true;
            }
        }
        return false;
    }

    private static String mask(List<String> lines) {
        return lines.stream().filter(l -> !l.matches("250-(PIPECONNECT|CHUNKING|STARTTLS)"))
                .map(l -> l.replaceAll("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d [-+]\\d{4}", "<TOD>")
                        .replaceAll("id=[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}", "id=<ID>"))
                .collect(Collectors.joining("\n"));
    }
}
