package org.jexim.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.queue.api.MailQueue.MailQueueItem.CompletionStatus;
import org.apache.james.queue.api.MailQueueFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import reactor.core.publisher.Flux;

/**
 * Issue 9's restart with a full queue: a daemon stopped with messages on its spool (some of them
 * being delivered at that moment) delivers each of them exactly once after it starts again.
 */
class SpoolRestartTest {
    private static final int MESSAGES = 1000;
    @TempDir
    Path spool;

    @Test
    void aFullQueueIsDeliveredExactlyOnceAfterARestart() throws Exception {
        SpoolMailQueueFactory before = new SpoolMailQueueFactory(new SpoolDirectory(spool, false),
            new org.apache.james.queue.api.RawMailQueueItemDecoratorFactory(), SpoolOwner.currentUser(),
            SpoolMailQueueFactory.DEFAULT_REJECT_DELAY);
        SpoolMailQueue queue = before.createQueue(MailQueueFactory.SPOOL);
        for (int i = 0; i < MESSAGES; i++) {
            queue.enQueue(SpoolTestMails.mail("m" + i, SpoolTestMails.MESSAGE));
        }
        // two deliveries under way, never acknowledged: the daemon stops
        Flux.from(queue.deQueue()).take(2).collectList().block(Duration.ofSeconds(10));
        before.close();

        long start = System.nanoTime();
        SpoolMailQueueFactory after = SpoolMailQueueFactory.open(spool);
        long openMillis = (System.nanoTime() - start) / 1_000_000;
        SpoolMailQueue restarted = after.createQueue(MailQueueFactory.SPOOL);
        assertThat(restarted.getSize()).isEqualTo(MESSAGES);
        Map<String, Integer> delivered = new ConcurrentHashMap<>();
        var deliveries = Flux.from(restarted.deQueue()).subscribe(item -> {
            delivered.merge(item.getMail().getName(), 1, Integer::sum);
            try {
                item.done(CompletionStatus.SUCCESS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (restarted.getSize() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        restarted.flush(); // a queue run after the spool emptied finds nothing more
        Thread.sleep(300);
        deliveries.dispose();
        after.close();
        System.out.println("restart with " + MESSAGES + " messages on the spool: re-read in " + openMillis
            + " ms, all delivered " + (System.nanoTime() - start) / 1_000_000 + " ms after the start");
        assertThat(delivered).hasSize(MESSAGES);
        assertThat(delivered.values()).allMatch(n -> n == 1);
        try (var files = Files.list(spool.resolve("input"))) {
            assertThat(files).isEmpty();
        }
    }
}
