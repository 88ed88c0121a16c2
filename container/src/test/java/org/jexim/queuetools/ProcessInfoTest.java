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

/** The exiwhat file: the daemon, its queue runs and the messages it is delivering, as set_process_info writes them. */
class ProcessInfoTest {
    @TempDir
    Path spool;

    @Test
    void showsTheDaemonItsRunsAndTheMessagesInDelivery() throws Exception {
        SpoolMailQueueFactory factory = SpoolMailQueueFactory.open(spool);
        SpoolMailQueue queue = factory.createQueue(MailQueueFactory.SPOOL);
        String id = EximMessageId.next();
        queue.enQueue(MailImpl.builder().name(id).sender("a@example.org").addRecipients("b@example.org")
            .mimeMessage(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream("Subject: x\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII)))).build());
        MailQueue.MailQueueItem item = Flux.from(queue.deQueue()).take(1, true).blockFirst(Duration.ofSeconds(10));
        String pid = String.format("%5d", ProcessHandle.current().pid());
        try (ProcessInfo info = new ProcessInfo(factory, "-q30m, listening for SMTP on port 25")) {
            info.runStarted("pid=1 -qf");
            assertThat(info.lines()).containsExactly(pid + " daemon(4.96): -q30m, listening for SMTP on port 25",
                pid + " running queue: pid=1 -qf", pid + " delivering " + id);
            Thread.sleep(1500);
            assertThat(Files.readString(spool.resolve("exim-process.info"))).contains(pid + " delivering " + id + "\n");
            item.done(MailQueue.MailQueueItem.CompletionStatus.SUCCESS);
            info.runEnded("pid=1 -qf");
            assertThat(info.lines()).containsExactly(pid + " daemon(4.96): -q30m, listening for SMTP on port 25");
        } finally {
            factory.close();
        }
        assertThat(spool.resolve("exim-process.info")).doesNotExist();
    }
}
