package org.jexim.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free space and free inodes of the file system holding a directory, as Exim's
 * receive_statvfs reports them: space in kilobytes available to unprivileged users, inodes
 * free, -1 where unknown. Java has no statvfs for inodes: they come from {@code stat -f},
 * remembered for a second so that a busy server does not fork at every MAIL.
 */
public final class FileSystemSpace {
    private static final long INODE_CACHE_NANOS = 1_000_000_000L;
    private static final Map<Path, long[]> INODES = new ConcurrentHashMap<>();

    private FileSystemSpace() {
    }

    /** Kilobytes available in {@code dir}'s file system; -1 when it cannot be known. */
    public static long spaceKilobytes(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace() / 1024;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Free inodes in {@code dir}'s file system; -1 when it cannot be known. */
    public static long inodes(Path dir) {
        long now = System.nanoTime();
        long[] cached = INODES.get(dir);
        if (cached != null && now - cached[1] < INODE_CACHE_NANOS) {
            return cached[0];
        }
        long value = statInodes(dir);
        INODES.put(dir, new long[] {value, now});
        return value;
    }

    private static long statInodes(Path dir) {
        try {
            Process p = new ProcessBuilder("stat", "-f", "-c", "%d", dir.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return p.waitFor() == 0 ? Long.parseLong(out) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
