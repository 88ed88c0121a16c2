package org.jexim.queuetools;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The channel through which queue commands (-M, -q, -R ...) reach the running daemon: one file
 * per {@link QueueRunRequest} in {@code spool_directory/jexim-requests/}. The command writes
 * {@code NAME.req} (through a rename, so the daemon never reads half of it); the daemon takes
 * it by renaming it {@code NAME.run}, and deletes that once the work is done (see
 * {@link DeliveryRequestWatcher}).
 */
public final class DeliveryRequests {
    static final String WAITING = ".req";
    static final String TAKEN = ".run";
    private final Path directory;

    public DeliveryRequests(Path spoolDirectory) {
        this.directory = spoolDirectory.resolve("jexim-requests");
    }

    public Path directory() {
        return directory;
    }

    /** What became of a request. */
    public enum Outcome { DONE, NOT_TAKEN, DAEMON_GONE }

    /**
     * Asks for the forced delivery of one message (a submission with -odb/-odi) and returns once
     * the daemon has taken the request, without waiting for the delivery; false if it did not
     * take it within {@code wait}.
     */
    public boolean request(String id, Duration wait) throws IOException, InterruptedException {
        return submit(QueueRunRequest.deliver(true, List.of(id)), wait, () -> false) != Outcome.NOT_TAKEN;
    }

    /**
     * Files the request, waits up to {@code takeWait} for the daemon to take it, and then as long
     * as {@code daemonAlive} says for it to finish (DAEMON_GONE at once when it says false).
     */
    public Outcome submit(QueueRunRequest request, Duration takeWait, BooleanSupplier daemonAlive)
        throws IOException, InterruptedException {
        Files.createDirectories(directory);
        String name = ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path temp = directory.resolve("tmp." + name);
        Files.write(temp, request.toBytes());
        Path waiting = directory.resolve(name + WAITING);
        Files.move(temp, waiting, StandardCopyOption.ATOMIC_MOVE);
        Path taken = directory.resolve(name + TAKEN);
        long deadline = System.nanoTime() + takeWait.toNanos();
        while (Files.exists(waiting)) {
            if (System.nanoTime() > deadline) {
                try {
                    Files.delete(waiting);
                    return Outcome.NOT_TAKEN;
                } catch (NoSuchFileException e) {
                    break; // taken just now
                }
            }
            Thread.sleep(50);
        }
        while (Files.exists(taken)) {
            if (!daemonAlive.getAsBoolean()) {
                return Outcome.DAEMON_GONE;
            }
            Thread.sleep(50);
        }
        return Outcome.DONE;
    }

    /** The requests no daemon has taken yet, oldest first. */
    List<Path> pending() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + WAITING)) {
            entries.forEach(files::add);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        files.sort(null);
        return files;
    }

    /** Takes a pending request: renames it as being served and reads it; empty if another took it. */
    java.util.Optional<Taken> take(Path request) throws IOException {
        String file = request.getFileName().toString();
        Path taken = request.resolveSibling(file.substring(0, file.length() - WAITING.length()) + TAKEN);
        try {
            Files.move(request, taken, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new Taken(taken, QueueRunRequest.parse(Files.readAllBytes(taken))));
        } catch (RuntimeException e) {
            Files.deleteIfExists(taken);
            throw new IOException("unreadable request " + taken + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the requests a daemon took but never finished (it was killed). */
    void clearAbandoned() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + TAKEN)) {
            for (Path p : entries) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // no requests ever
        }
    }

    /** A request being served; {@link #finish} tells the command it is done. */
    record Taken(Path file, QueueRunRequest request) {
        void finish() throws IOException {
            Files.deleteIfExists(file);
        }
    }
}
