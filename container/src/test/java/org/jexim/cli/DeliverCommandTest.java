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

/** -M: without a daemon it says so; with one it has the daemon's queue deliver the message now. */
class DeliverCommandTest {
    @TempDir
    Path dir;

    @Test
    void withoutADaemonItSaysSoAndFails() throws Exception {
        ScratchSpool spool = new ScratchSpool(dir);
        String id = spool.jeximMessage("a@example.org", "Subject: x\r\n\r\nx\r\n", "b@example.org");
        ScratchSpool.Result result = spool.jexim("-M", id);
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("jexim: cannot deliver " + id + " now: the jexim daemon is not running");
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
        Mono<MailQueue.MailQueueItem> next = Flux.from(queue.deQueue()).next().cache();
        next.subscribe();
        assertThat(next.timeout(Duration.ofMillis(1000), Mono.empty()).block()).as("not known yet").isNull();
        try (DeliveryRequestWatcher watcher = new DeliveryRequestWatcher(factory)) {
            ScratchSpool.Result result = spool.jexim("-M", id);
            assertThat(result.status()).isZero();
            assertThat(result.out()).isEmpty();
            MailQueue.MailQueueItem item = next.timeout(Duration.ofSeconds(10), Mono.empty()).block();
            assertThat(item).isNotNull();
            assertThat(item.getMail().getName()).isEqualTo(id);
        } finally {
            factory.close();
        }
        assertThat(spool.mainlog()).contains(id + " Unfrozen by forced delivery");
    }

    @Test
    void aQueueRunAsksTheDaemonAndQffThawsFirst() throws Exception {
        ScratchSpool spool = new ScratchSpool(dir);
        assertThat(spool.jexim("-q").err()).startsWith("jexim: cannot run the queue now: the jexim daemon is not running");
        assertThat(spool.jexim("-q30m").status()).isEqualTo(1);
        Files.writeString(spool.spool.resolve("jexim-daemon.pid"), ProcessHandle.current().pid() + "\n");
        SpoolMailQueueFactory factory = SpoolMailQueueFactory.open(spool.spool);
        MailQueue queue = factory.createQueue(MailQueueFactory.SPOOL);
        String frozen = spool.jeximMessage("a@example.org", "Subject: x\r\n\r\nx\r\n", "b@example.org");
        assertThat(spool.jexim("-Mf", frozen).status()).isZero();
        String plain = spool.jeximMessage("a@example.org", "Subject: y\r\n\r\ny\r\n", "c@example.org");
        Mono<java.util.List<String>> two = Flux.from(queue.deQueue()).take(2)
            .map(item -> item.getMail().getName()).collectList().cache();
        two.subscribe();
        try (DeliveryRequestWatcher watcher = new DeliveryRequestWatcher(factory)) {
            assertThat(spool.jexim("-qff").status()).isZero();
            assertThat(two.timeout(Duration.ofSeconds(10), Mono.empty()).block()).containsExactlyInAnyOrder(frozen, plain);
        } finally {
            factory.close();
        }
    }
}
