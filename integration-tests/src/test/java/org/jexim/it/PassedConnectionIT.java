package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A delivery outside any queue run passes its connection on to the messages waiting for the host,
 * as Exim's does: three messages wait for a receiving MTA that was down ({@link RelayingPair});
 * once it is up, -M of the first delivers it, and the other two follow at once over the same
 * connection ("*"), with no queue run, on exim4 and on jexim alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassedConnectionIT {
    static final int MESSAGES = 3;
    RelayingPair pair;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(RelayingPair.available(), "needs exim4 and root (exim4 -C drops to Debian-exim)");
        pair = new RelayingPair();
        for (int i = 1; i <= MESSAGES; i++) {
            pair.send("u" + i + "@remote.example", "passed on " + i);
            MainLogs.waitForLines(" == u" + i + "@remote.example", 1, pair.exim, pair.jexim);
        }
        pair.startRemotes();
        pair.run(List.of("-M", RelayingPair.messageId(pair.exim, " == u1@remote.example")),
                List.of("-M", RelayingPair.messageId(pair.jexim, " == u1@remote.example")));
        MainLogs.waitForLines("=> u", MESSAGES, pair.exim, pair.jexim);
    }

    @AfterAll
    void stop() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void theWaitingMessagesFollowOverTheSameConnection() throws Exception {
        List<String> e = ContinuedDeliveryIT.deliveries(pair.exim);
        assertThat(e).hasSize(MESSAGES);
        assertThat(e).filteredOn(l -> l.contains(" H=127.0.0.1 [127.0.0.1]* ")).hasSize(MESSAGES - 1);
        assertThat(ContinuedDeliveryIT.deliveries(pair.jexim)).isEqualTo(e);
        assertThat(RelayingPair.connections(pair.jeximRemote, MESSAGES))
                .isEqualTo(RelayingPair.connections(pair.eximRemote, MESSAGES)).isEqualTo(1);
    }
}
