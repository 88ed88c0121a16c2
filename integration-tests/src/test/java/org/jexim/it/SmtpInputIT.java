package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How the server reads its input, against a real Exim 4.96 daemon on the same configure
 * (src/test/resources/smtpinput/configure): the same bytes, sent in the same packets, get the
 * same replies from both. Covered: commands pipelined behind STARTTLS (also after an earlier
 * STARTTLS was refused), smtp_enforce_sync's 554 and its log line, an over-long command line,
 * BDAT (CHUNKING) with its errors and the bytes of the delivered message, SMTP smuggling (bare LF
 * and bare CR around a dot in DATA) and LF-only clients, with the delivered bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpInputIT {
    private final Daemons daemons = new Daemons();
    Path cert;
    Daemons.Server jexim;
    Daemons.Server exim;
    Daemons.Server jeximSync;
    Daemons.Server eximSync;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(EximDaemon.available(), "needs exim4 and root (exim4 -C drops to Debian-exim)");
        cert = Files.createTempDirectory("smtpinput-cert");
        Jexim.Result made = Jexim.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", cert.resolve("key.pem").toString(), "-out", cert.resolve("cert.pem").toString(),
                "-days", "30", "-subj", "/CN=mx.example.com"));
        assertThat(made.status()).as(made.output()).isZero();
        Jexim.run(List.of("chmod", "-R", "a+rX", cert.toString()));
        Path configure = Path.of(getClass().getResource("/smtpinput/configure").toURI());
        String text = Files.readString(configure);
        exim = daemons.exim(text, "-DCERT=" + cert, "-DDUSER=Debian-exim");
        eximSync = daemons.exim(text, "-DCERT=" + cert, "-DDUSER=Debian-exim", "-DSYNC");
        jexim = daemons.jexim(configure, "-DCERT=" + cert, "-DDUSER=root");
        jeximSync = daemons.jexim(configure, "-DCERT=" + cert, "-DDUSER=root", "-DSYNC");
    }

    @AfterAll
    void stop() throws Exception {
        daemons.close();
    }

    @Test
    void commandsPipelinedBehindAnAcceptedStartTlsAreDiscardedEvenAfterARefusedOne() throws Exception {
        List<String> j = startTlsInjection(jexim.port());
        assertThat(j).isEqualTo(startTlsInjection(exim.port()));
        // the NOOP sent in clear behind STARTTLS is never answered inside TLS: the first reply there is EHLO's
        assertThat(j).containsSubsequence("550 not yet", "220 TLS go ahead", "<TLS>");
        assertThat(j.get(j.indexOf("<TLS>") + 1)).startsWith("250-mx.example.com Hello y [127.0.0.1]");
    }

    private static List<String> startTlsInjection(int port) throws Exception {
        try (RawSmtp c = new RawSmtp(port)) {
            List<String> t = new ArrayList<>();
            t.add(banner(c));
            t.addAll(c.exchange("EHLO x\r\n", 1));
            t.addAll(c.exchange("STARTTLS\r\n", 1));
            t.addAll(c.exchange("STARTTLS\r\nNOOP\r\n", 1));
            c.startTls();
            t.add("<TLS>");
            t.addAll(c.exchange("EHLO y\r\n", 1));
            t.addAll(c.exchange("QUIT\r\n", 1));
            return t;
        }
    }

    @Test
    void withSmtpEnforceSyncACommandSentTooSoonEndsTheConnectionWithEximsReplyAndLogLine() throws Exception {
        List<String> j = syncError(jeximSync.port());
        assertThat(j).isEqualTo(syncError(eximSync.port()))
                .containsSubsequence("550 not yet", "554 SMTP synchronization error", "<closed>");
        String line = "SMTP protocol synchronization error (next input sent too soon: pipelining was advertised): "
                + "rejected \"STARTTLS\" H=(x) [127.0.0.1] next input=\"NOOP\\r\\n\"";
        assertThat(eximSync.mainlog()).contains(line);
        assertThat(jeximSync.mainlog()).contains(line);
        assertThat(Files.readString(jeximSync.home().resolve("log/rejectlog"))).contains(line);
    }

    private static List<String> syncError(int port) throws Exception {
        try (RawSmtp c = new RawSmtp(port)) {
            List<String> t = new ArrayList<>();
            t.add(banner(c));
            t.addAll(c.exchange("EHLO x\r\n", 1));
            t.addAll(c.exchange("STARTTLS\r\n", 1));
            t.addAll(c.exchange("STARTTLS\r\nNOOP\r\n", 1));
            t.add(c.closed() ? "<closed>" : "<open>");
            return t;
        }
    }

    @Test
    void pipelinedHeloIsASyncErrorOnlyWhenPipeConnectIsOff() throws Exception {
        Object[] steps = {"EHLO x\r\nNOOP\r\n", 2};
        for (Daemons.Server[] pair : new Daemons.Server[][] {{jexim, exim}, {jeximSync, eximSync}}) {
            assertThat(dialogue(pair[0].port(), steps)).isEqualTo(dialogue(pair[1].port(), steps));
        }
        assertThat(dialogue(jeximSync.port(), steps)).contains("554 SMTP synchronization error");
    }

    @Test
    void anOverlongCommandLineIsTwoUnrecognizedCommandsAsInExim() throws Exception {
        Object[] steps = {"EHLO x\r\n", 1, "MAIL FROM:<" + "a".repeat(20000) + ">\r\n", 2, "NOOP\r\n", 1};
        List<String> j = dialogue(jexim.port(), steps);
        assertThat(j).isEqualTo(dialogue(exim.port(), steps));
        assertThat(j.subList(2, 5)).containsExactly("500 unrecognized command", "500 unrecognized command", "250 OK");
    }

    @Test
    void aMessageInBdatChunksGetsEximsRepliesAndIsDeliveredWithTheSameBytes() throws Exception {
        // the first chunk ends in the middle of a line; bare LF, a bare CR, a leading dot and a last line without CRLF
        String first = "Subject: chunked\r\nX-Test: one\r\n\r\nline with CRLF\r\nbare LF\nbare CR\rmid";
        String second = "dle of a line\r\n.leading dot\r\nlast line without CRLF";
        Object[] steps = {"EHLO x\r\n", 1,
                "MAIL FROM:<s@example.com>\r\nRCPT TO:<chunks@example.com>\r\nBDAT " + first.length() + "\r\n" + first, 3,
                "BDAT " + second.length() + " LAST\r\n" + second, 1,
                "MAIL FROM:<s@example.com>\r\nRCPT TO:<last@example.com>\r\nBDAT 11 LAST\r\nSubject: x\n", 3,
                "QUIT\r\n", 1};
        List<String> j = dialogue(jexim.port(), steps);
        assertThat(masked(j)).isEqualTo(masked(dialogue(exim.port(), steps)));
        assertThat(j).contains("250 " + first.length() + " byte chunk received", "552 Message header not CRLF terminated")
                .anyMatch(l -> l.startsWith("250- " + second.length() + " byte chunk, total 123\n250 OK id="));
        assertThat(masked(mailbox(jexim, "chunks"))).isEqualTo(masked(mailbox(exim, "chunks")));
        String abandoned = "rejected from <s@example.com> H=(x) [127.0.0.1]: Non-CRLF-terminated header, under CHUNKING: message abandoned";
        assertThat(exim.mainlog()).contains(abandoned);
        assertThat(jexim.mainlog()).contains(abandoned);
        assertThat(mailbox(jexim, "chunks")).contains("bare LF\nbare CR\nmiddle of a line\n.leading dot\nlast line without CRLF\n");
    }

    @Test
    void bareLineEndsInDataNeitherEndTheMessageNorSmuggleASecondOneAndAreStoredAsEximStoresThem() throws Exception {
        // SMTP smuggling from a client whose first line ends in CRLF: "\n.\n" and "\r.\r" must not end the data;
        // a bare LF in a header makes the next line a continuation, in the body it is a space; a bare CR ends a
        // body line; a leading single dot is dropped
        String data = "Subject: smuggle\r\nX-Second: b\nX-Third: c\r\n\r\nbody\n.\nMAIL FROM:<evil@example.com>\n"
                + "RCPT TO:<smuggle@example.com>\nDATA\nSubject: smuggled\n\nx\r\nbare\rcr\r.\r\n.dot\r\n..two\r\n"
                + "last\r\n.\r\n";
        Object[] steps = {"EHLO x\r\n", 1, "MAIL FROM:<s@example.com>\r\nRCPT TO:<smuggle@example.com>\r\nDATA\r\n", 3,
                data, 1, "QUIT\r\n", 1};
        List<String> j = dialogue(jexim.port(), steps);
        assertThat(masked(j)).isEqualTo(masked(dialogue(exim.port(), steps)));
        assertThat(j).filteredOn(l -> l.startsWith("250 OK id=")).hasSize(1);
        String box = mailbox(jexim, "smuggle");
        assertThat(masked(box)).isEqualTo(masked(mailbox(exim, "smuggle")));
        assertThat(box).contains("X-Second: b\n X-Third: c\n").contains("body . MAIL FROM:<evil@example.com> RCPT TO:<smuggle@example.com> DATA Subject: smuggled  x\n"
                + "bare\ncr\n.\ndot\n.two\nlast\n").containsOnlyOnce("From s@example.com");
    }

    @Test
    void smuggledCommandsBehindBareCrOrDotLfAreDataAndAnLfOnlyClientsLfDotLfEndsItsMessageAsInExim() throws Exception {
        String smuggled = "MAIL FROM:<e@example.com>\nRCPT TO:<smuggle2@example.com>\nDATA\nsmuggled\n.\r\n";
        Object[] steps = {"EHLO x\r\n", 1,
                "MAIL FROM:<s@example.com>\r\nRCPT TO:<smuggle2@example.com>\r\nDATA\r\n", 3,
                "Subject: lf\r\n\r\nbody\n.\n" + smuggled + "bare CR\r.\r" + smuggled.replace('\n', '\r')
                        + "dot LF\r\n.\n" + smuggled + "\r\n.\r\n", 1,
                // an LF-only client: its LF . LF is the end, and what follows is its next command
                "MAIL FROM:<s@example.com>\r\nRCPT TO:<lfonly@example.com>\r\nDATA\r\n", 3,
                "Subject: only LF\n\nbody\n..dot\n.\nNOOP\n", 2,
                "QUIT\r\n", 1};
        List<String> j = dialogue(jexim.port(), steps);
        assertThat(masked(j)).isEqualTo(masked(dialogue(exim.port(), steps)));
        // one message each, no smuggled second one: 250 OK id= twice in all
        assertThat(j.stream().filter(l -> l.startsWith("250 OK id=")).count()).isEqualTo(2);
        assertThat(masked(mailbox(jexim, "smuggle2"))).isEqualTo(masked(mailbox(exim, "smuggle2")))
                .contains("body . MAIL FROM:<e@example.com> RCPT TO:<smuggle2@example.com> DATA smuggled .\n");
        assertThat(masked(mailbox(jexim, "lfonly"))).isEqualTo(masked(mailbox(exim, "lfonly")))
                .contains("\nbody\n.dot\n");
    }

    @Test
    void bdatErrorsAreEximsAndARefusedChunkIsSkipped() throws Exception {
        // (Exim 4.96 crashes on a RSET between chunks before the header is complete: the chunks here complete it)
        Object[] steps = {"EHLO x\r\n", 1,
                "BDAT\r\n", 1,
                "MAIL FROM:<s@example.com>\r\nBDAT 5\r\nNOOP\r", 2,
                "NOOP\r\n", 1,
                "RCPT TO:<bad@example.com>\r\nBDAT 4 LAST\r\nRSET", 2,
                "RSET\r\nMAIL FROM:<s@example.com>\r\nRCPT TO:<z@example.com>\r\nBDAT 14\r\nSubject: x\r\n\r\n", 4,
                "NOOP\r\n", 1,
                "BDAT 0\r\n", 1,
                "NOOP\r\n", 1,
                "RSET\r\n", 1,
                "MAIL FROM:<s@example.com>\r\nRCPT TO:<z@example.com>\r\nBDAT 14\r\nSubject: x\r\n\r\n", 3,
                "VRFY z\r\n", 1,
                "RSET\r\n", 1,
                "MAIL FROM:<s@example.com>\r\nRCPT TO:<z@example.com>\r\nBDAT 0\r\n", 3,
                "BDAT 14 LAST\r\nSubject: x\r\n\r\n", 1,
                "HELO x\r\n", 1,
                "BDAT 1 LAST\r\nX", 1,
                "QUIT\r\n", 1};
        List<String> j = dialogue(jexim.port(), steps);
        assertThat(masked(j)).isEqualTo(masked(dialogue(exim.port(), steps)));
        assertThat(j).contains("501 missing size for BDAT command", "503 valid RCPT command must precede BDAT",
                "503-All RCPT commands were rejected with this error:\n503-Administrative prohibition\n503 Valid RCPT command must precede BDAT",
                "504 zero size for BDAT command", "503 only RSET accepted now",
                "503 only BDAT permissible after non-LAST BDAT", "250 0 byte chunk received");
        Object[] helo = {"HELO x\r\n", 1, "BDAT 4\r\n", 1, "QUIT\r\n", 1};
        List<String> h = dialogue(jexim.port(), helo);
        assertThat(masked(h)).isEqualTo(masked(dialogue(exim.port(), helo)))
                .contains("503 BDAT command used when CHUNKING not advertised");
    }

    private static String mailbox(Daemons.Server server, String name) throws Exception {
        Path box = server.home().resolve("mail/" + name);
        for (int i = 0; i < 300 && !Files.exists(box); i++) {
            Thread.sleep(100);
        }
        return Files.readString(box);
    }

    /** Message ids, dates and times differ between two runs; everything else must not. */
    private static String masked(String text) {
        return text.replaceAll("[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}", "ID")
                .replaceAll("[A-Z][a-z]{2}, [ 0-9]?[0-9] [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} [-+][0-9]{4}", "DATE")
                .replaceAll("[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9][0-9] [0-9:]{8} [0-9]{4}", "DATE");
    }

    private static List<String> masked(List<String> replies) {
        return replies.stream().map(SmtpInputIT::masked).toList();
    }

    /** Sends each step's bytes in one write and reads its number of replies (fewer if the server closes). */
    private static List<String> dialogue(int port, Object... steps) throws Exception {
        try (RawSmtp c = new RawSmtp(port)) {
            List<String> t = new ArrayList<>();
            t.add(banner(c));
            for (int i = 0; i < steps.length && !t.get(t.size() - 1).endsWith("<closed>"); i += 2) {
                t.addAll(c.exchange((String) steps[i], (Integer) steps[i + 1]));
            }
            return t;
        }
    }

    private static String banner(RawSmtp c) throws Exception {
        return String.join("\n", c.reply()).replaceAll("Exim 4\\.96 .*", "Exim 4.96 DATE");
    }
}
