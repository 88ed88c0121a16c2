package org.jexim.queue;

import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exim's per-connection reasons to queue a message received over SMTP without delivering it
 * (daemon.c, after each message): more than {@code smtp_accept_queue_per_connection} messages
 * on the connection, or a load average above {@code queue_only_load}; with
 * {@code queue_only_load_latch} (the default) the load decision, once taken, holds for the rest
 * of the connection, the load it logs included; too many connections at accept time
 * ({@code smtp_accept_queue}) queue all of them. One instance per SMTP connection.
 */
public final class SessionQueueing {
    private final double loadLimit;
    private final boolean latch;
    private final int perConnection;
    private final DoubleSupplier loadAverage;
    private int received;
    private String latched;

    /**
     * @param loadLimit queue_only_load, negative when unset
     * @param perConnection smtp_accept_queue_per_connection, 0 for no limit
     */
    public SessionQueueing(double loadLimit, boolean latch, int perConnection, DoubleSupplier loadAverage) {
        this.loadLimit = loadLimit;
        this.latch = latch;
        this.perConnection = perConnection;
        this.loadAverage = loadAverage;
    }

    /**
     * smtp_accept_queue: when {@code limit} is positive and the daemon had more connections open
     * than that when it accepted this one ({@code open}, this one included), every message of
     * the connection is only queued. Returns this.
     */
    public SessionQueueing connections(int open, int limit) {
        if (limit > 0 && open > limit) {
            latched = "too many connections (" + open + ", max " + limit + ")";
        }
        return this;
    }

    /** For one more message of the connection: why it is only queued ("load average 3.20"), if it is. */
    public synchronized Optional<String> nextMessage() {
        received++;
        if (latched != null) {
            return Optional.of(latched);
        }
        if (perConnection > 0 && received > perConnection) {
            latched = "more than " + perConnection + " messages received in one connection";
            return Optional.of(latched);
        }
        if (loadLimit >= 0) {
            double now = loadAverage.getAsDouble();
            if (now > loadLimit) {
                String reason = "load average " + String.format(Locale.ROOT, "%.2f", now);
                if (latch) {
                    latched = reason;
                }
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
