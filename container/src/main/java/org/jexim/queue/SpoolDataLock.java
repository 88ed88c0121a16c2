package org.jexim.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The lock Exim takes on a message before working on it: an fcntl write lock on the first 19
 * bytes of its -D file (the "ID-D" line). Java's FileChannel locks are fcntl locks on Linux, so
 * this excludes Exim's own processes as well as jexim's queue tools; a delivery that holds it
 * keeps -Mrm, -Mf, -Mar ... away from the message, and the other way round.
 */
public final class SpoolDataLock implements AutoCloseable {
    /** Exim 4.96's SPOOL_DATA_START_OFFSET: message id length 16, "-D" and the newline. */
    public static final int LOCKED_BYTES = 19;
    private final FileChannel channel;
    private final FileLock lock;

    private SpoolDataLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks the message whose -D file this is; empty when another process (or this one) holds
     * the lock. Fails with NoSuchFileException when the file does not exist.
     */
    public static Optional<SpoolDataLock> tryLock(Path dataFile) throws IOException {
        FileChannel channel = FileChannel.open(dataFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock(0, LOCKED_BYTES, false);
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new SpoolDataLock(channel, lock));
        } catch (OverlappingFileLockException e) {
            channel.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
