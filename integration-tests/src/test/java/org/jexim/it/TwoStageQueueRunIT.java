package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * -qq against Exim 4.96: exim4 -bd and jexim -bd with queue_only ({@link RelayingPair}) hold three
 * messages, each to a local user and to remote.example, and a fourth to a pipe that defers. One
 * -qq run: the first pass delivers the local users and only routes the remote addresses (no line
 * for them, none for the pipe's deferral, which has no error number); the second pass delivers the
 * three remote addresses over one connection ("*" on two of them) and skips the pipe (-53). Both
 * log the same lines; both receiving MTAs see one connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoStageQueueRunIT {
    static final int MESSAGES = 3;
    RelayingPair pair;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(RelayingPair.available(), "needs exim4 and root (exim4 -C drops to Debian-exim)");
        pair = new RelayingPair("QUEUE_ONLY=yes");
        pair.startRemotes();
        for (int i = 1; i <= MESSAGES; i++) {
            pair.send("u" + i + "@remote.example,user" + i + "@delivery.example", "two stages " + i);
        }
        pair.send("tf@delivery.example", "deferred by the pipe");
        pair.runQueue("-qq");
        MainLogs.waitForLines("=> u", MESSAGES, pair.exim, pair.jexim);
    }

    @AfterAll
    void stop() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    private static List<String> lines(Path dir) throws Exception {
        return MainLogs.lines(dir, "=>|==|\\*\\*", DeliveryDifferentialIT::mask).stream()
                .map(l -> l.replaceAll("u[0-9]@", "uN@")).sorted().toList();
    }

    @Test
    void bothLogTheSameLines() throws Exception {
        List<String> e = lines(pair.exim);
        assertThat(e).filteredOn(l -> l.contains(" H=127.0.0.1 [127.0.0.1]* ")).hasSize(MESSAGES - 1);
        assertThat(e).contains("MESSAGEID == tf@delivery.example R=tempfail_user T=tempfail_pipe defer (-53): "
                + "Retry time not yet reached");
        assertThat(e).filteredOn(l -> l.contains(" == ")).hasSize(1);
        assertThat(lines(pair.jexim)).isEqualTo(e);
    }

    @Test
    void oneConnectionCarriedTheRemoteMessages() throws Exception {
        assertThat(RelayingPair.connections(pair.jeximRemote, MESSAGES))
                .isEqualTo(RelayingPair.connections(pair.eximRemote, MESSAGES)).isEqualTo(1);
    }
}
