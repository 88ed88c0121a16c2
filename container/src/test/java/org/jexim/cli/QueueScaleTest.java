package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jexim.queue.EximMessageId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's scale case for the queue tools: a spool of 100 000 messages counted by -bpc. The
 * time is printed, side by side with exim4 -bpc on the same spool, not asserted (the machine's
 * load varies); the count is.
 */
class QueueScaleTest {
    private static final int MESSAGES = 100_000;
    @TempDir
    Path dir;

    @Test
    void bpcCountsAHundredThousandMessages() throws Exception {
        ScratchSpool spool = new ScratchSpool(dir);
        String first = spool.jeximMessage("a@example.org", "Subject: x\r\n\r\nx\r\n", "b@example.org");
        Path input = spool.spool.resolve("input");
        byte[] header = Files.readAllBytes(input.resolve(first + "-H"));
        String rest = new String(header, StandardCharsets.ISO_8859_1).substring(first.length());
        for (int i = 1; i < MESSAGES; i++) {
            String id = EximMessageId.next();
            Files.write(input.resolve(id + "-H"), (id + rest).getBytes(StandardCharsets.ISO_8859_1));
        }

        long start = System.nanoTime();
        ScratchSpool.Result jexim = spool.jexim("-bpc");
        long coldMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(jexim.out()).isEqualTo(MESSAGES + "\n");
        start = System.nanoTime();
        assertThat(spool.jexim("-bpc").out()).isEqualTo(jexim.out());
        long warmMillis = (System.nanoTime() - start) / 1_000_000;
        String line = "-bpc over " + MESSAGES + " messages: jexim " + coldMillis + " ms first, " + warmMillis
            + " ms again (in-process, configure read each time)";
        if (Files.isExecutable(ScratchSpool.EXIM)) {
            start = System.nanoTime();
            ScratchSpool.Result exim = spool.exim("-bpc");
            long eximMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(exim.out()).isEqualTo(jexim.out());
            line += ", exim4 " + eximMillis + " ms (a process)";
        }
        System.out.println(line);
    }
}
