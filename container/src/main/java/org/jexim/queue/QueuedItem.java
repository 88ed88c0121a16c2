package org.jexim.queue;

import java.time.Instant;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A reference to one generation of a spool entry, waiting in a queue until its delivery time. */
final class QueuedItem implements Delayed {
    private static final AtomicLong ORDER = new AtomicLong();
    final SpoolEntry entry;
    final long generation;
    final Instant deliverAt;
    private final long order = ORDER.getAndIncrement();

    QueuedItem(SpoolEntry entry, long generation, Instant deliverAt) {
        this.entry = entry;
        this.generation = generation;
        this.deliverAt = deliverAt;
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
}
