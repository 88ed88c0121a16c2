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
 * smtp_receive_timeout waiting for a command and inside DATA, with $smtp_notquit_reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitsIT {
    private final List<AutoCloseable> daemons = new ArrayList<>();
    Server jexim;
    Server exim;
    Server jeximReserve;
    Server eximReserve;

    /** A running server: its port and where its logs are. */
    record Server(int port, Path home) {
        String mainlog() throws Exception {
            Path log = home.resolve("log/mainlog");
            return Files.exists(log) ? Files.readString(log) : "";
        }
    }

    @BeforeAll
    void start() throws Exception {
        assumeTrue(EximDaemon.available(), "needs exim4 and root (exim4 -C drops to Debian-exim)");
        String configure = Files.readString(configure());
        EximDaemon e = EximDaemon.start(configure);
        daemons.add(e);
        exim = new Server(e.port, e.home);
        EximDaemon r = EximDaemon.start(configure, "-DRESERVE");
        daemons.add(r);
        eximReserve = new Server(r.port, r.home);
        jexim = jexim();
        jeximReserve = jexim("-DRESERVE");
    }

    private Path configure() throws Exception {
        return Path.of(getClass().getResource("/limits/configure").toURI());
    }

    private Server jexim(String... macros) throws Exception {
        Path home = Files.createTempDirectory("limits-jexim");
        int port = Jexim.freePort();
        List<String> args = new ArrayList<>(List.of("-C", configure().toString(), "-DDIR=" + home, "-DPORT=" + port));
        args.addAll(List.of(macros));
        args.add("-bd");
        Jexim.Result started = Jexim.jexim(args.toArray(String[]::new));
        assertThat(started.status()).as(started.output()).isZero();
        EximDaemon.waitForPort(port);
        daemons.add(() -> Jexim.stop(home.resolve("spool")));
        return new Server(port, home);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable d : daemons) {
            d.close();
        }
    }

    @Test
    void beyondSmtpAcceptMaxAConnectionGetsEximsRefusalAndLogLine() throws Exception {
        List<String> j = overflow(jexim.port(), 3);
        assertThat(j).isEqualTo(overflow(exim.port(), 3));
        assertThat(j.get(2)).isEqualTo("421 Too many concurrent SMTP connections; please try again later.\n<closed>");
        String line = "Connection from [127.0.0.1] refused: too many connections";
        assertThat(exim.mainlog()).contains(line);
        assertThat(jexim.mainlog()).contains(line);
    }

    @Test
    void theLastConnectionsAreKeptForReserveHosts() throws Exception {
        List<String> j = overflow(jeximReserve.port(), 3);
        assertThat(j).isEqualTo(overflow(eximReserve.port(), 3));
        assertThat(j.get(2)).isEqualTo("421 mx.example.com: Too many concurrent SMTP connections; please try again later\n<closed>");
        String line = "temporarily refused connection from [127.0.0.1]: not in reserve list: connected=2 max=3 reserve=1";
        assertThat(eximReserve.mainlog()).contains(line);
        assertThat(jeximReserve.mainlog()).contains(line);
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
    void aSilentClientGetsTheCommandTimeoutAndInsideDataTheDataTimeout() throws Exception {
        for (Server s : List.of(jexim, exim)) {
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
        for (Server s : List.of(jexim, exim)) {
            assertThat(s.mainlog()).contains("SMTP command timeout on connection from (x) [127.0.0.1]",
                    "SMTP data timeout (message abandoned) on connection from (x) [127.0.0.1] F=<s@example.com>",
                    "NOTQUIT command-timeout", "NOTQUIT data-timeout");
        }
    }
}
