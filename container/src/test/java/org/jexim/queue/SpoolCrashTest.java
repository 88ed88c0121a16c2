package org.jexim.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.james.queue.api.MailQueue.MailQueueItem;
import org.apache.james.queue.api.MailQueueFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 a process that is enqueueing; every message whose enQueue returned is on the spool, once. */
class SpoolCrashTest {
    @TempDir
    Path spool;

    @Test
    void everyAcknowledgedMessageSurvivesKillMinus9ExactlyOnce() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), SpoolCrashWriter.class.getName(), spool.toString(), "4")
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> acknowledged = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while (acknowledged.size() < 300 && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            child.toHandle().destroyForcibly(); // SIGKILL, leaving our end of its stdout readable
            child.waitFor(10, TimeUnit.SECONDS);
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(20);

        SpoolMailQueueFactory factory = SpoolMailQueueFactory.open(spool);
        try {
            var queue = factory.createQueue(MailQueueFactory.SPOOL);
            Map<String, Integer> found = new HashMap<>();
            MailQueueItem item;
            while ((item = SpoolTestMails.dequeueOne(queue, Duration.ofSeconds(2))) != null) {
                String name = item.getMail().getName();
                found.merge(name, 1, Integer::sum);
                assertThat(SpoolTestMails.bytes(item.getMail())).isEqualTo(SpoolTestMails.MESSAGE.replace("spool test", name));
                item.done(MailQueueItem.CompletionStatus.SUCCESS);
            }
            for (String name : acknowledged) {
                assertThat(found.get(name)).as(name).isEqualTo(1);
            }
            assertThat(found.values()).allMatch(count -> count == 1);
        } finally {
            factory.close();
        }
    }
}
