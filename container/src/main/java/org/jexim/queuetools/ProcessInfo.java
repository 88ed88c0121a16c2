package org.jexim.queuetools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jexim.queue.SpoolMailQueueFactory;

/**
 * jexim's answer to exiwhat: the daemon keeps {@code SPOOL/exim-process.info} (the file Exim's
 * process_log_path names by default, which exiwhat prints) up to date every second, one line
 * per activity in set_process_info's form ({@code "%5d text"}): the daemon itself, each queue
 * run under way, each message being delivered. {@code cat SPOOL/exim-process.info} shows what
 * the daemon is doing now.
 */
public final class ProcessInfo implements AutoCloseable {
    private static final String PID = String.format("%5d", ProcessHandle.current().pid());
    private final Path file;
    private final SpoolMailQueueFactory queues;
    private final String daemon;
    private final Set<String> runs = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jexim-process-info");
        t.setDaemon(true);
        return t;
    });

    /** @param daemon what the daemon line says after "daemon(4.96): ", e.g. "-q30m, listening for SMTP" */
    public ProcessInfo(SpoolMailQueueFactory queues, String daemon) {
        this.queues = queues;
        this.file = queues.directory().root().resolve("exim-process.info");
        this.daemon = daemon;
        timer.scheduleWithFixedDelay(this::write, 0, 1, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "jexim-process-info-end"));
    }

    /** Records that a queue run is under way, until {@link #runEnded}. */
    public void runStarted(String detail) {
        runs.add(detail);
    }

    public void runEnded(String detail) {
        runs.remove(detail);
    }

    /** The lines as they stand now. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(PID + " daemon(4.96): " + daemon);
        runs.forEach(r -> lines.add(PID + " running queue" + (r.isEmpty() ? "" : ": " + r)));
        queues.inFlight().forEach(id -> lines.add(PID + " delivering " + id));
        return lines;
    }

    private void write() {
        try {
            Path temp = file.resolveSibling("exim-process.info.tmp");
            Files.write(temp, (String.join("\n", lines()) + "\n").getBytes(StandardCharsets.UTF_8));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // the next second tries again; the file is only informative
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file says "daemon" for a daemon that is gone: exiwhat has the same weakness
        }
    }
}
