package org.jexim.queue;

import java.time.Instant;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reference to one generation of a spool entry, waiting in a queue until its delivery time.
 * Each scheduling of an entry gets a new ticket from it, and only the item holding the entry's
 * latest ticket may be handed out: scheduling again (a flush, a queue run, a requeue) replaces
 * the earlier item instead of adding a second one.
 */
final class QueuedItem implements Delayed {
    private static final AtomicLong ORDER = new AtomicLong();
    final SpoolEntry entry;
    final long generation;
    final Instant deliverAt;
    final long ticket;
    /** A part of a delivery attempt in progress, handed out as it is (no claim, no read). */
    final org.apache.mailet.Mail part;
    /** Scheduled by a forced queue run (-qf, -M): the delivery ignores retry records. */
    final boolean forced;
    /** Scheduled by a queue run (Exim's queue_running), as opposed to a delivery the spool times itself. */
    boolean queueRun;
    /** Scheduled by the first pass of a two-stage run (-qq). */
    boolean firstPass;
    private final long order = ORDER.getAndIncrement();

    private QueuedItem(SpoolEntry entry, long generation, Instant deliverAt, long ticket, org.apache.mailet.Mail part,
                       boolean forced) {
        this.forced = forced;
        this.entry = entry;
        this.generation = generation;
        this.deliverAt = deliverAt;
        this.ticket = ticket;
        this.part = part;
    }

    /** Schedules that generation of the entry at that time, replacing any earlier scheduling. */
    static QueuedItem schedule(SpoolEntry entry, long generation, Instant deliverAt) {
        return new QueuedItem(entry, generation, deliverAt, entry.nextTicket(), null, false);
    }

    /** The same, for a queue run, which may be forced. */
    static QueuedItem schedule(SpoolEntry entry, long generation, Instant deliverAt, boolean forced) {
        QueuedItem item = new QueuedItem(entry, generation, deliverAt, entry.nextTicket(), null, forced);
        item.queueRun = true;
        return item;
    }

    /** A new part of the entry's delivery attempt, due now; it leaves the entry's tickets alone. */
    static QueuedItem part(SpoolEntry entry, org.apache.mailet.Mail part) {
        return new QueuedItem(entry, -1, Instant.now(), -1, part, false);
    }

    /** The same scheduling, moved to another time (a message locked by another process waits). */
    QueuedItem at(Instant when) {
        QueuedItem moved = new QueuedItem(entry, generation, when, ticket, part, forced);
        moved.queueRun = queueRun;
        moved.firstPass = firstPass;
        return moved;
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(deliverAt.toEpochMilli() - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
        QueuedItem other = (QueuedItem) o;
        int byTime = deliverAt.compareTo(other.deliverAt);
        return byTime != 0 ? byTime : Long.compare(order, other.order);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
