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
 * Connection limits and the receive timeout against a real Exim 4.96 daemon on the same
 * configure (src/test/resources/limits/configure): the refused connection's 421 and main log
 * line, smtp_accept_reserve with an expanded smtp_accept_max_per_host, and the 421s of
 * smtp_receive_timeout waiting for a command and inside DATA, with $smtp_notquit_reason, and
 * smtp_accept_queue's "no immediate delivery" for a connection beyond it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitsIT {
    private final Daemons daemons = new Daemons();
    Daemons.Server jexim;
    Daemons.Server exim;
    Daemons.Server jeximReserve;
    Daemons.Server eximReserve;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(EximDaemon.available(), "needs exim4 and root (exim4 -C drops to Debian-exim)");
        String configure = Files.readString(configure());
        exim = daemons.exim(configure);
        eximReserve = daemons.exim(configure, "-DRESERVE");
        jexim = daemons.jexim(configure());
        jeximReserve = daemons.jexim(configure(), "-DRESERVE");
    }

    private Path configure() throws Exception {
        return Path.of(getClass().getResource("/limits/configure").toURI());
    }

    @AfterAll
    void stop() throws Exception {
        daemons.close();
    }

    @Test
    void beyondSmtpAcceptMaxAConnectionGetsEximsRefusalAndLogLine() throws Exception {
        thirdConnectionRefused(jexim, exim, "421 Too many concurrent SMTP connections; please try again later.",
            "Connection from [127.0.0.1] refused: too many connections");
    }

    @Test
    void theLastConnectionsAreKeptForReserveHosts() throws Exception {
        thirdConnectionRefused(jeximReserve, eximReserve,
            "421 mx.example.com: Too many concurrent SMTP connections; please try again later",
            "temporarily refused connection from [127.0.0.1]: not in reserve list: connected=2 max=3 reserve=1");
    }

    /** Three connections at once: both servers answer the same, the third gets {@code reply} and is closed, both log {@code line}. */
    private static void thirdConnectionRefused(Daemons.Server j, Daemons.Server e, String reply, String line) throws Exception {
        List<String> got = overflow(j.port(), 3);
        assertThat(got).isEqualTo(overflow(e.port(), 3));
        assertThat(got.get(2)).isEqualTo(reply + "\n<closed>");
        assertThat(e.mainlog()).contains(line);
        assertThat(j.mainlog()).contains(line);
    }

    /** Opens {@code n} connections at once and returns what each got first (banner or refusal and close). */
    private static List<String> overflow(int port, int n) throws Exception {
        List<RawSmtp> open = new ArrayList<>();
        List<String> got = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                RawSmtp c = new RawSmtp(port);
                open.add(c);
                String first = String.join("\n", c.reply()).replaceAll("Exim 4\\.96 .*", "Exim 4.96 DATE");
                got.add(first.startsWith("421") && c.closed() ? first + "\n<closed>" : first);
            }
        } finally {
            for (RawSmtp c : open) {
                c.close();
            }
        }
        return got;
    }

    @Test
    void messagesOnAConnectionBeyondSmtpAcceptQueueAreOnlyQueued() throws Exception {
        for (Daemons.Server s : List.of(jexim, exim)) {
            try (RawSmtp first = new RawSmtp(s.port())) {
                first.reply(); // the first is accepted before the second connects
                RawSmtp second = new RawSmtp(s.port());
                second.reply();
                second.exchange("HELO x\r\nMAIL FROM:<q@example.com>\r\nRCPT TO:<r@example.com>\r\n", 3);
                second.exchange("DATA\r\n", 1);
                assertThat(second.exchange("Subject: queued\r\n\r\nbody\r\n.\r\n", 1).get(0)).startsWith("250 OK id=");
                second.close();
            }
        }
        for (Daemons.Server s : List.of(jexim, exim)) {
            MainLogs.waitForLines("no immediate delivery", 1, s.home());
            assertThat(s.mainlog()).as(s.toString()).contains("no immediate delivery: too many connections (2, max 1)");
        }
    }

    @Test
    void aSilentClientGetsTheCommandTimeoutAndInsideDataTheDataTimeout() throws Exception {
        for (Daemons.Server s : List.of(jexim, exim)) {
            try (RawSmtp c = new RawSmtp(s.port())) {
                c.reply();
                assertThat(c.exchange("EHLO x\r\n", 1)).hasSize(1);
                assertThat(c.reply()).containsExactly("421 mx.example.com: SMTP command timeout - closing connection");
                assertThat(c.closed()).isTrue();
            }
            try (RawSmtp c = new RawSmtp(s.port())) {
                c.reply();
                c.exchange("HELO x\r\nMAIL FROM:<s@example.com>\r\nRCPT TO:<r@example.com>\r\n", 3);
                assertThat(c.exchange("DATA\r\n", 1)).containsExactly("354 Enter message, ending with \".\" on a line by itself");
                c.send("Subject: slow\r\n");
                assertThat(c.reply()).containsExactly("421 mx.example.com SMTP incoming data timeout - closing connection.");
                assertThat(c.closed()).isTrue();
            }
        }
        for (Daemons.Server s : List.of(jexim, exim)) {
            assertThat(s.mainlog()).contains("SMTP command timeout on connection from (x) [127.0.0.1]",
                    "SMTP data timeout (message abandoned) on connection from (x) [127.0.0.1] F=<s@example.com>",
                    "NOTQUIT command-timeout", "NOTQUIT data-timeout");
        }
    }
}
