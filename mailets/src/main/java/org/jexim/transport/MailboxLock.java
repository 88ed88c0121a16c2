package org.jexim.transport;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Exim's locks on an mbox file: the lock file {@code FILE.lock} ({@code use_lockfile}, removed
 * when older than {@code lockfile_timeout}) and an fcntl write lock on the open file
 * ({@code use_fcntl_lock}; Java's FileChannel.lock is fcntl on Linux), each tried
 * {@code lock_retries} times {@code lock_interval} apart.
 */
final class MailboxLock implements HeldLock {
    private final Path lockFile;
    private final FileLock fcntl;

    private MailboxLock(Path lockFile, FileLock fcntl) {
        this.lockFile = lockFile;
        this.fcntl = fcntl;
    }

    /** Takes the locks the options ask for, or throws with Exim's wording when they stay taken. */
    static MailboxLock take(Path file, FileChannel channel, boolean lockfile, boolean useFcntl, int retries,
            Duration interval, Duration lockfileTimeout) throws IOException {
        Path lf = null;
        if (lockfile) {
            lf = file.resolveSibling(file.getFileName() + ".lock");
            for (int attempt = 0;; attempt++) {
                try {
                    Files.createFile(lf);
                    break;
                } catch (FileAlreadyExistsException e) {
                    if (stale(lf, lockfileTimeout)) {
                        Files.deleteIfExists(lf);
                        continue;
                    }
                    if (attempt >= retries) {
                        throw new HeldLock.Failed("failed to lock mailbox " + file + " (lock file)");
                    }
                    sleep(interval);
                }
            }
        }
        FileLock lock = null;
        if (useFcntl) {
            for (int attempt = 0;; attempt++) {
                try {
                    lock = channel.tryLock();
                } catch (java.nio.channels.OverlappingFileLockException e) {
                    lock = null; // another delivery of this process holds it
                }
                if (lock != null) {
                    break;
                }
                if (attempt >= retries) {
                    if (lf != null) {
                        Files.deleteIfExists(lf);
                    }
                    throw new HeldLock.Failed("failed to lock mailbox " + file + " (fcntl/flock)");
                }
                sleep(interval);
            }
        }
        return new MailboxLock(lf, lock);
    }

    private static boolean stale(Path lf, Duration timeout) throws IOException {
        try {
            FileTime t = Files.getLastModifiedTime(lf);
            return t.toInstant().plus(timeout).isBefore(Instant.now());
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        }
    }

    private static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a mailbox lock", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (fcntl != null) {
            fcntl.release();
        }
        if (lockFile != null) {
            Files.deleteIfExists(lockFile);
        }
    }
}
