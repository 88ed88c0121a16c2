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
 * Several messages down one SMTP connection (connection_max_messages) against Exim 4.96: exim4 -bd
 * and jexim -bd with connection_max_messages = 2 ({@link RelayingPair}), their receiving MTAs down
 * when four messages arrive (they wait for the host) and up for the -qf run that follows. Both
 * deliver the four over two connections, the second message of each with Exim's "*" after the
 * host, and log the same lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContinuedDeliveryIT {
    static final int MESSAGES = 4;
    RelayingPair pair;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(RelayingPair.available(), "needs exim4 and root (exim4 -C drops to Debian-exim)");
        pair = new RelayingPair("CMM=2");
        for (int i = 1; i <= MESSAGES; i++) {
            pair.send("u" + i + "@remote.example", "continued " + i);
            MainLogs.waitForLines(" == u" + i + "@remote.example", 1, pair.exim, pair.jexim);
        }
        pair.startRemotes();
        pair.runQueue("-qf");
        MainLogs.waitForLines("=> u", MESSAGES, pair.exim, pair.jexim);
    }

    @AfterAll
    void stop() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    static List<String> deliveries(Path dir) throws Exception {
        return MainLogs.lines(dir, "=>", DeliveryDifferentialIT::mask).stream()
                .map(l -> l.replaceAll("u[0-9]@", "uN@")).sorted().toList();
    }

    @Test
    void theSecondMessageOfEachConnectionIsMarkedAsEximMarksIt() throws Exception {
        List<String> e = deliveries(pair.exim);
        assertThat(e).hasSize(MESSAGES);
        assertThat(e).filteredOn(l -> l.contains(" H=127.0.0.1 [127.0.0.1]* ")).hasSize(MESSAGES / 2);
        assertThat(deliveries(pair.jexim)).isEqualTo(e);
    }

    @Test
    void theReceivingMtaSawTwoConnectionsFromEach() throws Exception {
        assertThat(RelayingPair.connections(pair.jeximRemote, MESSAGES))
                .isEqualTo(RelayingPair.connections(pair.eximRemote, MESSAGES)).isEqualTo(MESSAGES / 2);
    }
}
