package org.jexim.queuetools;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The channel through which -M asks the running daemon to deliver now: one empty file per
 * request in {@code spool_directory/jexim-requests/}, named by the message id, which the daemon
 * deletes once it has made its queues due (see {@link DeliveryRequestWatcher}).
 */
public final class DeliveryRequests {
    private final Path directory;

    public DeliveryRequests(Path spoolDirectory) {
        this.directory = spoolDirectory.resolve("jexim-requests");
    }

    public Path directory() {
        return directory;
    }

    /** Files a request for the message; true once the daemon has taken it, false if it did not within {@code wait}. */
    public boolean request(String id, Duration wait) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path file = directory.resolve(id);
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // an earlier request for it is still pending: wait for that one
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                Files.deleteIfExists(file);
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** The pending requests (message ids). */
    List<Path> pending() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            entries.forEach(files::add);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return files;
    }
}
