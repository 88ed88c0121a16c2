package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.jexim.queue.SpoolMailQueueFactory;
import org.jexim.queuetools.DeliveryRequestWatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** -M and -q with a daemon: its queue delivers the message now (without one, see NoDaemonDeliveryIT). */
class DeliverCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMalformedIdIsRefusedAsEximRefusesIt() throws Exception {
        ScratchSpool spool = new ScratchSpool(dir);
        assertThat(spool.jexim("-M", "bad-id").err()).isEqualTo("exim: malformed message id bad-id after -M option\n");
    }

    @Test
    void theRunningDaemonDeliversAFrozenMessageItHadNotSeen() throws Exception {
        ScratchSpool spool = new ScratchSpool(dir);
        // this JVM plays the daemon: its pid in the pid file, its queue on the spool
        Files.writeString(spool.spool.resolve("jexim-daemon.pid"), ProcessHandle.current().pid() + "\n");
        SpoolMailQueueFactory factory = SpoolMailQueueFactory.open(spool.spool);
        MailQueue queue = factory.createQueue(MailQueueFactory.SPOOL);
        // spooled and frozen by other processes, as exim4 -odq or jexim -odq would
        String id = spool.jeximMessage("a@example.org", "Subject: x\r\n\r\nx\r\n", "b@example.org");
        assertThat(spool.jexim("-Mf", id).status()).isZero();
        java.util.List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        var deliveries = delivering(queue, delivered);
        Thread.sleep(1000);
        assertThat(delivered).as("not known yet").isEmpty();
        try (DeliveryRequestWatcher watcher = new DeliveryRequestWatcher(factory)) {
            ScratchSpool.Result result = spool.jexim("-M", id);
            assertThat(result.status()).isZero();
            assertThat(result.out()).isEmpty();
            assertThat(delivered).as("delivered when -M returns").containsExactly(id);
        } finally {
            deliveries.dispose();
            factory.close();
        }
        assertThat(spool.mainlog()).contains(id + " Unfrozen by forced delivery");
    }

    @Test
    void aQueueRunAsksTheDaemonAndQffThawsFirst() throws Exception {
        ScratchSpool spool = new ScratchSpool(dir);
        assertThat(spool.jexim("-q30m").status()).isEqualTo(1);
        Files.writeString(spool.spool.resolve("jexim-daemon.pid"), ProcessHandle.current().pid() + "\n");
        SpoolMailQueueFactory factory = SpoolMailQueueFactory.open(spool.spool);
        MailQueue queue = factory.createQueue(MailQueueFactory.SPOOL);
        String frozen = spool.jeximMessage("a@example.org", "Subject: x\r\n\r\nx\r\n", "b@example.org");
        assertThat(spool.jexim("-Mf", frozen).status()).isZero();
        String plain = spool.jeximMessage("a@example.org", "Subject: y\r\n\r\ny\r\n", "c@example.org");
        java.util.List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        var deliveries = delivering(queue, delivered);
        try (DeliveryRequestWatcher watcher = new DeliveryRequestWatcher(factory)) {
            assertThat(spool.jexim("-qff").status()).isZero();
            assertThat(delivered).containsExactlyInAnyOrder(frozen, plain);
        } finally {
            deliveries.dispose();
            factory.close();
        }
        assertThat(spool.mainlog()).contains(frozen + " Unfrozen by forced delivery");
    }

    /** Plays the daemon's delivery: each mail handed out is recorded and acknowledged. */
    static reactor.core.Disposable delivering(MailQueue queue, java.util.List<String> delivered) {
        return Flux.from(queue.deQueue()).subscribe(item -> {
            delivered.add(item.getMail().getName());
            try {
                item.done(MailQueue.MailQueueItem.CompletionStatus.SUCCESS);
            } catch (MailQueue.MailQueueException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
