package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exim counts a deferred address's failing time from the message's arrival when the message is
 * older than the first failure (retry.c, non-host errors): exim4 -bd and jexim -bd with
 * queue_only and a retry rule F,5s,1m ({@link RelayingPair}); a message to a domain whose router
 * defers waits for a queue run longer than the cutoff, so its first deferral is also its timeout,
 * on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageAgeTimeoutIT {
    RelayingPair pair;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(RelayingPair.available(), "needs exim4 and root (exim4 -C drops to Debian-exim)");
        pair = new RelayingPair("QUEUE_ONLY=yes", "SHORT_RETRY=yes", "NO_RETRY_RULES=yes");
        pair.send("later@later.example", "older than the cutoff");
        Thread.sleep(7000); // the message is now older than the rule's 5 s cutoff: not a timing assertion
        pair.runQueue("-q");
        MainLogs.waitForLines("** later@later.example", 1, pair.exim, pair.jexim);
    }

    @AfterAll
    void stop() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void theFirstDeferralTimesTheAddressOut() throws Exception {
        List<String> e = MainLogs.lines(pair.exim, "\\*\\*|==", DeliveryDifferentialIT::mask);
        assertThat(e).containsExactly("MESSAGEID ** later@later.example: retry timeout exceeded",
                "MESSAGEID == later@later.example R=later_domain defer (-1): domain not ready");
        assertThat(MainLogs.lines(pair.jexim, "\\*\\*|==", DeliveryDifferentialIT::mask)).isEqualTo(e);
    }
}
