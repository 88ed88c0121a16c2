package org.jexim.transport;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Exim's MBX locking (appendfile with mbx_format and no locking option set), which c-client
 * readers share: a shared fcntl lock on the mailbox and an exclusive fcntl lock on the lock file
 * {@code /tmp/.DEV.INODE} (the mailbox's device and inode in hex, created with lockfile_mode),
 * tried {@code lock_retries} times {@code lock_interval} apart; on release the lock file is
 * removed when nobody else has the mailbox open under a lock (an exclusive lock on it succeeds).
 */
final class MbxLock implements HeldLock {
    private final FileChannel mailbox;
    private final FileChannel reader;
    private final FileLock shared;
    private final Path lockName;
    private final FileChannel lockFile;
    private final FileLock exclusive;

    private MbxLock(FileChannel mailbox, FileChannel reader, FileLock shared, Path lockName, FileChannel lockFile,
                    FileLock exclusive) {
        this.mailbox = mailbox;
        this.reader = reader;
        this.shared = shared;
        this.lockName = lockName;
        this.lockFile = lockFile;
        this.exclusive = exclusive;
    }

    /** Exim's lock file name for the mailbox: {@code /tmp/.%lx.%lx} of its device and inode. */
    static Path lockName(Path mailbox) throws IOException {
        long dev = ((Number) Files.getAttribute(mailbox, "unix:dev")).longValue();
        long ino = ((Number) Files.getAttribute(mailbox, "unix:ino")).longValue();
        return Path.of(String.format("/tmp/.%x.%x", dev, ino));
    }

    /** Takes both locks for the open {@code mailbox}, or throws Exim's "(fcntl/flock)" failure. */
    static MbxLock take(Path file, FileChannel mailbox, int retries, Duration interval, int lockfileMode, FileOwner owner)
            throws IOException {
        Path name = lockName(file);
        FileChannel reader = FileChannel.open(file, StandardOpenOption.READ);
        FileChannel lockFile = null;
        try {
            for (int attempt = 0;; attempt++) {
                FileLock shared = tryLock(reader, true);
                if (shared != null) {
                    if (lockFile == null) {
                        boolean created = !Files.exists(name);
                        lockFile = FileChannel.open(name, StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
                        if (created) {
                            Files.setPosixFilePermissions(name, FileOwner.permissions(lockfileMode));
                            owner.apply(name);
                        }
                    }
                    FileLock exclusive = tryLock(lockFile, false);
                    if (exclusive != null) {
                        return new MbxLock(mailbox, reader, shared, name, lockFile, exclusive);
                    }
                    shared.release();
                }
                if (attempt >= retries) {
                    throw new HeldLock.Failed("failed to lock mailbox " + file + " (fcntl/flock)");
                }
                Thread.sleep(interval.toMillis());
            }
        } catch (InterruptedException e) {
            close(reader, lockFile);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a mailbox lock", e);
        } catch (IOException | RuntimeException e) {
            close(reader, lockFile);
            throw e;
        }
    }

    private static void close(FileChannel reader, FileChannel lockFile) throws IOException {
        reader.close();
        if (lockFile != null) {
            lockFile.close();
        }
    }

    /** A lock, or null when another process (or another delivery in this one) holds a conflicting one. */
    private static FileLock tryLock(FileChannel channel, boolean shared) throws IOException {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            shared.release();
            FileLock alone = tryLock(mailbox, false);
            if (alone != null) {
                Files.deleteIfExists(lockName); // no reader holds the mailbox: the lock file goes, as in Exim
                alone.release();
            }
            exclusive.release();
        } finally {
            lockFile.close();
            reader.close();
        }
    }
}
