package org.jexim.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes renames and unlinks in one directory durable with group commit: a caller's change is
 * covered by any directory fsync that starts after it, so concurrent callers share one fsync.
 */
final class DirectorySync {
    private final Path directory;
    private final Object fsyncLock = new Object();
    private long requested;
    private long covered;

    private FileChannel channel;

    DirectorySync(Path directory) {
        this.directory = directory;
    }

    /** The directory, kept open: opening it for each fsync costs as much as the fsync. */
    private FileChannel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        }
        return channel;
    }

    /** Returns once every change this thread made in the directory before the call is on disk. */
    void sync() throws IOException {
        long ticket;
        synchronized (this) {
            ticket = ++requested;
        }
        synchronized (fsyncLock) {
            long coverage;
            synchronized (this) {
                if (covered >= ticket) {
                    return;
                }
                coverage = requested;
            }
            channel().force(true);
            synchronized (this) {
                covered = Math.max(covered, coverage);
            }
        }
    }
}
