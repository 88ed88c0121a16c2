package org.jexim.queuetools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.server.core.MailImpl;
import org.jexim.queue.EximMessageId;
import org.jexim.queue.SpoolMailQueue;
import org.jexim.queue.SpoolMailQueueFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A -M request makes the daemon's queue hand out a message that was waiting for its retry time. */
class DeliveryRequestWatcherTest {
    @TempDir
    Path spool;

    @Test
    void aRequestMakesADeferredMessageDueNow() throws Exception {
        SpoolMailQueueFactory factory = SpoolMailQueueFactory.open(spool);
        SpoolMailQueue queue = factory.createQueue(MailQueueFactory.SPOOL);
        String id = EximMessageId.next();
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
            new ByteArrayInputStream("Subject: x\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII)));
        queue.enQueue(MailImpl.builder().name(id).sender("a@example.org").addRecipients("b@example.org")
            .mimeMessage(message).build(), Duration.ofHours(1));
        Mono<MailQueue.MailQueueItem> next = Flux.from(queue.deQueue()).next().cache();
        next.subscribe();
        assertThat(next.timeout(Duration.ofMillis(1500), Mono.empty()).block()).as("not due yet").isNull();

        try (DeliveryRequestWatcher watcher = new DeliveryRequestWatcher(factory)) {
            java.util.concurrent.CompletableFuture<DeliveryRequests.Outcome> outcome = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> submit(QueueRunRequest.deliver(true, java.util.List.of(id))));
            MailQueue.MailQueueItem item = next.timeout(Duration.ofSeconds(10), Mono.empty()).block();
            assertThat(item).isNotNull();
            assertThat(item.getMail().getName()).isEqualTo(id);
            Thread.sleep(500);
            assertThat(outcome).as("the request lasts as long as the delivery").isNotDone();
            item.done(MailQueue.MailQueueItem.CompletionStatus.SUCCESS);
            assertThat(outcome.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(DeliveryRequests.Outcome.DONE);
        } finally {
            factory.close();
        }
        assertThat(Files.list(spool.resolve("jexim-requests"))).isEmpty();
    }

    private DeliveryRequests.Outcome submit(QueueRunRequest request) {
        try {
            return new DeliveryRequests(spool).submit(request, Duration.ofSeconds(10), () -> true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withNoDaemonARequestIsNotTaken() throws Exception {
        assertThat(new DeliveryRequests(spool).submit(QueueRunRequest.deliver(true, java.util.List.of("1xUxqX-0001kS-2I")),
            Duration.ofMillis(300), () -> true)).isEqualTo(DeliveryRequests.Outcome.NOT_TAKEN);
        assertThat(Files.list(spool.resolve("jexim-requests"))).isEmpty();
    }

    @Test
    void requestsTravelAsTextAndReadBack() {
        QueueRunRequest run = QueueRunRequest.run(true, "-qf -R example.com", java.util.Optional.of(java.util.List.of("1xUxqX-0001kS-2I")));
        assertThat(QueueRunRequest.parse(run.toBytes())).isEqualTo(run);
        QueueRunRequest all = QueueRunRequest.run(false, "", java.util.Optional.empty());
        assertThat(new String(all.toBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("run\nnormal\n\n");
        assertThat(QueueRunRequest.parse(all.toBytes())).isEqualTo(all);
    }
}
