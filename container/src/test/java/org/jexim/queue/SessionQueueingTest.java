package org.jexim.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The per-connection queueing of Exim's daemon: the load latch, smtp_accept_queue_per_connection and smtp_accept_queue. */
class SessionQueueingTest {
    private final AtomicReference<Double> load = new AtomicReference<>(0.5);

    private List<Optional<String>> messages(SessionQueueing q, double... loads) {
        List<Optional<String>> out = new ArrayList<>();
        for (double l : loads) {
            load.set(l);
            out.add(q.nextMessage());
        }
        return out;
    }

    @Test
    void withTheLatchOneHighLoadQueuesTheRestOfTheConnectionWithTheLoadFirstSeen() {
        SessionQueueing q = new SessionQueueing(2.0, true, 0, load::get);
        assertThat(messages(q, 1.0, 3.25, 0.1, 0.1)).containsExactly(Optional.empty(),
                Optional.of("load average 3.25"), Optional.of("load average 3.25"), Optional.of("load average 3.25"));
    }

    @Test
    void withoutTheLatchEachMessageLooksAtTheLoadAgain() {
        SessionQueueing q = new SessionQueueing(2.0, false, 0, load::get);
        assertThat(messages(q, 3.0, 0.1, 2.5)).containsExactly(Optional.of("load average 3.00"), Optional.empty(),
                Optional.of("load average 2.50"));
    }

    @Test
    void messagesPastTheConnectionLimitAreQueued() {
        SessionQueueing q = new SessionQueueing(-1, true, 2, load::get);
        assertThat(messages(q, 9, 9, 9, 0)).containsExactly(Optional.empty(), Optional.empty(),
                Optional.of("more than 2 messages received in one connection"),
                Optional.of("more than 2 messages received in one connection"));
    }

    @Test
    void aConnectionAcceptedBeyondSmtpAcceptQueueQueuesEveryMessage() {
        SessionQueueing q = new SessionQueueing(-1, true, 10, load::get).connections(3, 2);
        assertThat(messages(q, 0, 0)).containsExactly(Optional.of("too many connections (3, max 2)"),
                Optional.of("too many connections (3, max 2)"));
        assertThat(messages(new SessionQueueing(-1, true, 10, load::get).connections(2, 2), 0)).containsExactly(Optional.empty());
        assertThat(messages(new SessionQueueing(-1, true, 10, load::get).connections(5, 0), 0)).containsExactly(Optional.empty());
    }
}
