package org.jexim.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock Exim takes on a message before working on it: an fcntl write lock on the first 19
 * bytes of its -D file (the "ID-D" line). Java's FileChannel locks are fcntl locks on Linux, so
 * this excludes Exim's own processes as well as jexim's queue tools; a delivery that holds it
 * keeps -Mrm, -Mf, -Mar ... away from the message, and the other way round.
 *
 * <p>POSIX drops all of a process's locks on a file when any descriptor of that file is closed,
 * so a second attempt from this JVM is refused without opening the file, and the file is read
 * through {@link #transferTo} while locked rather than through another stream.
 */
public final class SpoolDataLock implements AutoCloseable {
    /** Exim 4.96's SPOOL_DATA_START_OFFSET: message id length 16, "-D" and the newline. */
    public static final int LOCKED_BYTES = 19;
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private SpoolDataLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks the message whose -D file this is; empty when another process (or this one) holds
     * the lock. Fails with NoSuchFileException when the file does not exist.
     */
    public static Optional<SpoolDataLock> tryLock(Path dataFile) throws IOException {
        Path key = dataFile.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            return Optional.empty();
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(dataFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
        try {
            FileLock lock = channel.tryLock(0, LOCKED_BYTES, false);
            if (lock == null) {
                channel.close();
                HELD.remove(key);
                return Optional.empty();
            }
            return Optional.of(new SpoolDataLock(key, channel, lock));
        } catch (OverlappingFileLockException e) {
            channel.close();
            HELD.remove(key);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            channel.close();
            HELD.remove(key);
            throw e;
        }
    }

    /** Copies the locked file from {@code position} to its end, without opening it again. */
    public long transferTo(long position, WritableByteChannel target) throws IOException {
        long size = channel.size();
        long done = 0;
        while (position + done < size) {
            done += channel.transferTo(position + done, size - position - done, target);
        }
        return done;
    }

    /** The locked file from {@code position}, read through the locked descriptor (see above). */
    public java.io.InputStream inputStream(long position) {
        return new java.io.InputStream() {
            private long next = position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int n = channel.read(java.nio.ByteBuffer.wrap(b, off, len), next);
                if (n > 0) {
                    next += n;
                }
                return n;
            }
        };
    }

    /** The locked file's size. */
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                HELD.remove(file);
            }
        }
    }
}
