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
            assertThat(new DeliveryRequests(spool).request(id, Duration.ofSeconds(10))).isTrue();
            MailQueue.MailQueueItem item = next.timeout(Duration.ofSeconds(10), Mono.empty()).block();
            assertThat(item).isNotNull();
            assertThat(item.getMail().getName()).isEqualTo(id);
        } finally {
            factory.close();
        }
        assertThat(Files.list(spool.resolve("jexim-requests"))).isEmpty();
    }

    @Test
    void withNoDaemonARequestIsNotTaken() throws Exception {
        assertThat(new DeliveryRequests(spool).request("1xUxqX-0001kS-2I", Duration.ofMillis(300))).isFalse();
        assertThat(Files.list(spool.resolve("jexim-requests"))).isEmpty();
    }
}
