package org.jexim.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One jexim process delivers many messages at once into one maildir: every delivery that says OK
 * leaves its own file in new/ (the bench lost one of 2000 when two deliveries of the same
 * microsecond renamed onto one name). The fixed clock gives every delivery the same time.
 */
class MaildirParallelDeliveryTest extends TransportFixtures {
    @Test
    void everyParallelDeliveryKeepsItsOwnFile(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("local", "appendfile",
                Map.of("directory", dir + "/box", "maildir_format", "true"), CLOCK);
        int threads = 8;
        int each = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<DeliveryResult>> results = new ArrayList<>();
        for (int i = 0; i < threads * each; i++) {
            results.add(pool.submit(() -> t.deliver(delivery("a@b.example"))));
        }
        for (Future<DeliveryResult> r : results) {
            assertThat(unsized(r.get())).isEqualTo(DeliveryResult.OK);
        }
        pool.shutdown();
        try (var files = Files.list(dir.resolve("box/new"))) {
            assertThat(files.count()).isEqualTo(threads * each);
        }
        assertThat(dir.resolve("box/tmp")).isEmptyDirectory();
    }
}
