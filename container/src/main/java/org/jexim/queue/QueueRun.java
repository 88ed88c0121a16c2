package org.jexim.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages one queue run made due, each by the ticket of its scheduling; the run is over when
 * each of them has been delivered, deferred again, found frozen or gone, or rescheduled.
 */
public final class QueueRun {
    private record Scheduled(SpoolEntry entry, long ticket) {
    }

    private final List<Scheduled> scheduled = new ArrayList<>();

    void add(SpoolEntry entry, long ticket) {
        scheduled.add(new Scheduled(entry, ticket));
    }

    /** Adds the messages another queue's part of the same run made due. */
    public QueueRun join(QueueRun other) {
        scheduled.addAll(other.scheduled);
        return this;
    }

    public int size() {
        return scheduled.size();
    }

    public boolean finished() {
        return scheduled.stream().allMatch(s -> s.entry().finished(s.ticket()));
    }

    /** Waits until the run is over, looking every {@code poll}. */
    public void await(Duration poll) throws InterruptedException {
        while (!finished()) {
            Thread.sleep(poll.toMillis());
        }
    }
}
