package org.jexim.queuetools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

import org.jexim.queue.SpoolDataLock;

/**
 * A message opened for an action as queue.c's queue_action opens it: its -D file locked, its
 * -H file read, with Exim's texts when either fails. Only removal goes on without them, "to
 * ensure all files removed".
 */
final class LockedMessage implements AutoCloseable {
    final String id;
    final SpoolDataLock lock;
    final HeaderFile header;
    /** False when something was missing; removal then reports "has been removed or did not exist". */
    final boolean complete;

    private LockedMessage(String id, SpoolDataLock lock, HeaderFile header, boolean complete) {
        this.id = id;
        this.lock = lock;
        this.header = header;
        this.complete = complete;
    }

    /** The message, or empty after printing why it cannot be acted on. */
    static Optional<LockedMessage> open(Spool spool, String id, boolean removing, QueueLog log, PrintStream out) {
        boolean complete = true;
        SpoolDataLock lock = null;
        try {
            Optional<SpoolDataLock> taken = spool.lock(id);
            if (taken.isEmpty()) {
                Latin1.print(out, "Message " + id + " is locked\n");
                return Optional.empty();
            }
            lock = taken.get();
        } catch (NoSuchFileException e) {
            complete = false;
            log.write(id, "Spool file " + id + "-D not found");
            Latin1.print(out, "Spool data file for " + id + " does not exist\n");
            if (!removing) {
                return Optional.empty();
            }
            Latin1.print(out, "Continuing, to ensure all files removed\n");
        } catch (IOException e) {
            Latin1.print(out, "Couldn't open spool file for " + id + ": " + Errors.text(e) + "\n");
            return Optional.empty();
        }
        HeaderFile header = null;
        try {
            header = spool.read(id);
        } catch (SpoolFormatException e) {
            complete = false;
            Latin1.print(out, "Spool format error for " + id + "-H\n");
        } catch (IOException e) {
            complete = false;
            Latin1.print(out, "Spool read error for " + id + "-H: " + Errors.text(e) + "\n");
        }
        if (header == null) {
            if (!removing) {
                release(lock);
                return Optional.empty();
            }
            Latin1.print(out, "Continuing to ensure all files removed\n");
        }
        return Optional.of(new LockedMessage(id, lock, header, complete));
    }

    private static void release(SpoolDataLock lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                // closing the file releases the lock anyway
            }
        }
    }

    @Override
    public void close() {
        release(lock);
    }
}
