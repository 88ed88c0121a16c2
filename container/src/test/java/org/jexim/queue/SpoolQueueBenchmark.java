package org.jexim.queue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.server.core.MailImpl;

/**
 * Not a test: prints spool enqueues per second with 1 and 16 threads, 2 KiB messages, fsync on
 * (and off, for comparison). Run with
 * {@code mvn -pl container test-compile exec:java}-style classpaths, or from the IDE:
 * {@code java -cp <test classpath> org.jexim.queue.SpoolQueueBenchmark [seconds] [dir] [threads,...]}
 * (with a thread list, only the fsync'd runs).
 */
public final class SpoolQueueBenchmark {
    private SpoolQueueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path base = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("jexim-bench");
        String body = "x".repeat(74) + "\r\n";
        StringBuilder raw = new StringBuilder("From: a@example.org\r\nTo: b@example.org\r\nSubject: bench\r\n\r\n");
        while (raw.length() < 2048) {
            raw.append(body);
        }
        String message = raw.substring(0, 2046) + "\r\n";
        run(Files.createDirectories(base.resolve("warmup")), false, 4, Math.max(2, seconds / 2), message);
        System.out.printf("%-8s %-7s %12s %14s%n", "threads", "fsync", "enqueues/s", "cpu us/enqueue");
        boolean[] fsyncModes = args.length > 2 ? new boolean[] {true} : new boolean[] {true, false};
        int[] threadCounts = args.length > 2 ? java.util.Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
            : new int[] {1, 16};
        for (boolean fsync : fsyncModes) {
            for (int threads : threadCounts) {
                Path dir = Files.createDirectories(base.resolve("t" + threads + (fsync ? "-sync" : "-nosync")));
                double[] result = run(dir, fsync, threads, seconds, message);
                System.out.printf("%-8d %-7s %12.0f %14.0f%n", threads, fsync ? "on" : "off", result[0], result[1]);
            }
        }
    }

    /** The message as the SMTP server hands it over: bytes already received. */
    private record BytesSource(byte[] bytes) implements org.apache.james.server.core.MimeMessageSource {
        @Override
        public String getSourceId() {
            return "bench";
        }

        @Override
        public java.io.InputStream getInputStream() {
            return new java.io.ByteArrayInputStream(bytes);
        }

        @Override
        public long getMessageSize() {
            return bytes.length;
        }
    }

    private static double[] run(Path dir, boolean fsync, int threads, int seconds, String message) throws Exception {
        SpoolMailQueueFactory factory = new SpoolMailQueueFactory(new SpoolDirectory(dir, fsync),
            new org.apache.james.queue.api.RawMailQueueItemDecoratorFactory(), SpoolOwner.currentUser(),
            SpoolMailQueueFactory.DEFAULT_REJECT_DELAY);
        SpoolMailQueue queue = factory.createQueue(MailQueueFactory.SPOOL);
        byte[] bytes = message.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        AtomicLong count = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        MailImpl mail = MailImpl.builder().name(MailImpl.getId()).sender("alice@example.org")
                            .addRecipients("bob@test.example").build();
                        mail.setMessageContent(new BytesSource(bytes));
                        queue.enQueue(mail);
                        mail.dispose();
                        count.incrementAndGet();
                    }
                    cpuNanos.addAndGet(mx.getCurrentThreadCpuTime());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        factory.close();
        return new double[] {count.get() / (double) seconds, cpuNanos.get() / 1000.0 / Math.max(1, count.get())};
    }
}
