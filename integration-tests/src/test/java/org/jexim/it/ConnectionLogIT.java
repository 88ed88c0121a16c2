package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The daemon's log lines about connections rather than messages, against a real exim4 -bd on the same
 * configure (connlog/configure): the same client dialogues go to both, several ending without QUIT
 * (inside a transaction, outside one, inside DATA), and the main logs must hold the same lines of
 * smtp_connection, smtp_no_mail, smtp_incomplete_transaction, smtp_syntax_error and smtp_protocol_error,
 * and the default "unexpected disconnection" and "lost while reading message data" lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionLogIT {
    /** A client dialogue and the line that shows its connection is over (with how many there are by then). */
    private record Dialogue(String text, String end, int ends) {
    }

    private static final List<Dialogue> DIALOGUES = List.of(
            new Dialogue("EHLO a.test\r\nMAIL FROM:<s@b.test>\r\nRCPT TO:<x@@y>\r\nRCPT TO:<x>\r\nRCPT TO:<u@deny.example>\r\n"
                    + "QUIT\r\n", "closed by QUIT", 1),
            new Dialogue("EHLO b.test\r\nRCPT TO:<u@x.test>\r\nFOO\r\nRSET\r\nQUIT\r\n", "closed by QUIT", 2),
            new Dialogue("HELO c.test\r\nNOOP\r\n", "no MAIL in", 2),
            new Dialogue("EHLO d.test\r\nMAIL FROM:<s@b.test>\r\nRCPT TO:<u@x.test>\r\nRCPT TO:<v@x.test>\r\n",
                    "unexpected disconnection", 1),
            new Dialogue("EHLO e.test\r\nMAIL FROM:<s@b.test>\r\nRCPT TO:<u@x.test>\r\nRSET\r\nQUIT\r\n", "closed by QUIT", 3),
            new Dialogue("EHLO f.test\r\nMAIL FROM:<s@b.test>\r\nRCPT TO:<u@x.test>\r\nDATA\r\nSubject: x\r\nFrom: y\r\n",
                    "lost while reading message data", 1));
    private final Daemons daemons = new Daemons();
    Daemons.Server jexim;
    Daemons.Server exim;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(EximDaemon.available(), "needs exim4 and root (exim4 -C drops to Debian-exim)");
        Path configure = Path.of(getClass().getResource("/connlog/configure").toURI());
        exim = daemons.exim(Files.readString(configure));
        jexim = daemons.jexim(configure);
    }

    @AfterAll
    void stop() throws Exception {
        daemons.close();
    }

    @Test
    void connectionLinesAreEximsForEveryWayAConnectionEnds() throws Exception {
        for (Dialogue dialogue : DIALOGUES) {
            for (Daemons.Server server : List.of(exim, jexim)) {
                play(server.port(), dialogue.text());
                // each dialogue's closing line is written once its connection is gone: wait for it
                MainLogs.waitForLines(dialogue.end(), dialogue.ends(), server.home());
            }
        }
        assertThat(lines(jexim)).isEqualTo(lines(exim)).contains(
                "SMTP connection from [127.0.0.1] (TCP/IP connection count = 1)",
                "SMTP syntax error in \"RCPT TO:<x@@y>\" H=(a.test) [127.0.0.1] domain missing or malformed",
                "unqualified recipient rejected: <x> H=(a.test) [127.0.0.1]",
                "H=(a.test) [127.0.0.1] incomplete transaction (QUIT) from <s@b.test>",
                "SMTP protocol error in \"RCPT TO:<u@x.test>\" H=(b.test) [127.0.0.1] sender not yet given",
                "SMTP connection from (c.test) [127.0.0.1] lost D=<T>",
                "no MAIL in SMTP connection from (c.test) [127.0.0.1] D=<T> C=HELO,NOOP",
                "H=(d.test) [127.0.0.1] incomplete transaction (connection lost) from <s@b.test> for u@x.test v@x.test",
                "unexpected disconnection while reading SMTP command from (d.test) [127.0.0.1] D=<T>",
                "SMTP connection from (f.test) [127.0.0.1] lost while reading message data (after header)");
    }

    /** Sends a dialogue a command at a time, each after the reply to the one before, then closes. */
    private static void play(int port, String dialogue) throws Exception {
        try (RawSmtp c = new RawSmtp(port)) {
            c.exchange("", 1);
            boolean data = false;
            for (String command : dialogue.split("(?<=\r\n)")) {
                if (data) {
                    c.send(command);
                    continue;
                }
                List<String> reply = c.exchange(command, 1);
                data = command.startsWith("DATA") && !reply.isEmpty() && reply.get(0).startsWith("354");
            }
        }
    }

    /**
     * The main log's lines from the first dialogue's connection on (the port probes of the start-up come
     * before it), without date and time, the durations masked, in order.
     */
    private static List<String> lines(Daemons.Server server) throws Exception {
        List<String> all = server.mainlog().lines().filter(l -> l.length() > 20)
                .map(l -> l.substring(20).replaceAll("D=\\d+s", "D=<T>")).toList();
        int first = all.indexOf(all.stream().filter(l -> l.contains("(a.test)")).findFirst().orElseThrow());
        return all.subList(first - 1, all.size());
    }
}
