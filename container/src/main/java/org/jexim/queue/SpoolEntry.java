package org.jexim.queue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.james.queue.api.MailQueueName;

/**
 * One message on the spool as the running queue tracks it. Each (re)write of its files bumps
 * {@code generation}, so that an acknowledgement for an older delivery attempt never removes the
 * files a later enqueue of the same mail wrote. Guarded by its own monitor.
 *
 * <p>A message is delivered by at most one delivery at a time, as in Exim: a delivery first
 * claims the entry, which takes Exim's fcntl lock on its -D file, and holds it until the item's
 * outcome is known. Whatever asks for a delivery (the daemon's own dequeue, a requeue after a
 * defer, -M, a queue run) only schedules the entry; a scheduling that comes due while the entry
 * is claimed is parked on it and offered once the claim ends.
 */
final class SpoolEntry {
    /** What came of trying to claim the entry for one queued item. */
    enum Claim {
        /** The item may be delivered; the lock is held until {@link #release}. */
        CLAIMED,
        /** A later scheduling replaced the item, or the message is gone: drop it. */
        STALE,
        /** A delivery in this process is at work on the message: the item waits for its end. */
        PARKED,
        /** Another process (a queue tool, Exim) holds the -D lock: try again later. */
        LOCKED_ELSEWHERE
    }

    final String name;
    String id;
    MailQueueName queue;
    long generation;
    long dataVersion;
    boolean removed;
    /** Exim's lock on the -D file, held while the entry is claimed. */
    private SpoolDataLock lock;
    /** The dataVersion of the -D file the lock is on (a rewritten body is a new file). */
    private long lockDataVersion;
    private boolean claimed;
    private long ticket;
    private long finishedTicket;
    private QueuedItem parked;
    /** The delivery attempt holding the claim, if any. */
    private DeliveryAttempt attempt;

    SpoolEntry(String name) {
        this.name = name;
    }

    /** A new ticket, which makes every item scheduled before it stale. */
    synchronized long nextTicket() {
        return ++ticket;
    }

    /**
     * The lock if this process holds it now on that version of the -D file; reads of that file
     * must then go through it.
     */
    synchronized Optional<SpoolDataLock> heldLock(long version) {
        return Optional.ofNullable(lock).filter(l -> lockDataVersion == version);
    }

    /** Claims the entry for this item's delivery (see {@link Claim}). */
    synchronized Claim claim(QueuedItem item, Path dataFile) throws IOException {
        if (removed || item.ticket != ticket || item.generation != generation) {
            finishedTicket = Math.max(finishedTicket, item.ticket);
            return Claim.STALE;
        }
        if (claimed) {
            parked = item;
            return Claim.PARKED;
        }
        Optional<SpoolDataLock> taken = SpoolDataLock.tryLock(dataFile);
        if (taken.isEmpty()) {
            return Claim.LOCKED_ELSEWHERE;
        }
        lock = taken.get();
        lockDataVersion = dataVersion;
        claimed = true;
        return Claim.CLAIMED;
    }

    synchronized void attempt(DeliveryAttempt attempt) {
        this.attempt = attempt;
    }

    /** The delivery attempt in progress in this process. */
    synchronized Optional<DeliveryAttempt> attempt() {
        return Optional.ofNullable(attempt);
    }

    /** Whether a delivery in this process holds the entry now. */
    synchronized boolean claimed() {
        return claimed;
    }

    /**
     * Ends the claim and gives back the lock; returns the item that came due meanwhile, if it is
     * still the latest scheduling.
     */
    synchronized Optional<QueuedItem> release(QueuedItem item) {
        claimed = false;
        attempt = null;
        finishedTicket = Math.max(finishedTicket, item.ticket);
        dropLock();
        QueuedItem waiting = parked;
        parked = null;
        return Optional.ofNullable(waiting).filter(i -> i.ticket == ticket && !removed);
    }

    /** Records that the item will not be delivered (its message vanished). */
    synchronized void finish(QueuedItem item) {
        finishedTicket = Math.max(finishedTicket, item.ticket);
    }

    /**
     * Whether the scheduling with this ticket is over: delivered or given up, replaced by a later
     * one, or its message gone; a queue run waits for this before it logs its end.
     */
    synchronized boolean finished(long scheduled) {
        return !claimed && (removed || scheduled != ticket || finishedTicket >= scheduled);
    }

    /** Releases the lock whoever holds it: the queue is shutting down. */
    synchronized void dropLock() {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException ignored) {
                // closing the descriptor releases the lock anyway
            }
            lock = null;
        }
    }

    /** The source id of the message James reads from this entry's current -D file. */
    String dataSourceId() {
        return "jexim-spool:" + id + "#" + dataVersion;
    }
}
