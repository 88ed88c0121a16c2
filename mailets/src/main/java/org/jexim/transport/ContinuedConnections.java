package org.jexim.transport;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The SMTP connections an smtp transport keeps open between messages, as Exim passes a
 * connection on to the next message waiting for the host (continued delivery, "*" after the
 * host in the log): after a transaction, a connection whose host other messages wait for is
 * parked (after RSET) for one of them; a delivery of a waiting message takes it, or waits while
 * another delivery holds a connection to the host. A parked connection nobody takes is closed
 * with QUIT after a short while.
 */
final class ContinuedConnections {
    /** An open session and what it has carried: its host fields and the number of messages sent. */
    record Open(SmtpConnection connection, SmtpSession session, DeliveryResult.Connection via, int sequence) {
    }

    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final Duration HOLDER_WAIT = Duration.ofSeconds(60);
    private static final ScheduledExecutorService CLOSER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smtp-continued-closer");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Open> parked = new HashMap<>();
    private final Map<String, Integer> holders = new HashMap<>();

    /**
     * The parked connection to {@code host} for a message that waits for it, waiting while another
     * delivery holds one; empty when the caller is to open its own. Either way the caller holds
     * the host until it calls {@link #park} or {@link #release}.
     */
    synchronized Optional<Open> take(String host, boolean waiting) throws InterruptedException {
        long deadline = System.nanoTime() + HOLDER_WAIT.toNanos();
        while (waiting) {
            Open open = parked.remove(host);
            if (open != null) {
                holders.merge(host, 1, Integer::sum);
                return Optional.of(open);
            }
            long left = deadline - System.nanoTime();
            if (holders.getOrDefault(host, 0) == 0 || left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        holders.merge(host, 1, Integer::sum);
        return Optional.empty();
    }

    /** The holder is done and leaves its connection for the next waiting message. */
    void park(String host, Open open) {
        Open replaced;
        synchronized (this) {
            release(host);
            replaced = parked.put(host, open);
        }
        if (replaced != null) {
            close(replaced);
        }
        CLOSER.schedule(() -> {
            boolean unused;
            synchronized (this) {
                unused = parked.remove(host, open);
            }
            if (unused) {
                close(open);
            }
        }, IDLE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The holder is done with the host and keeps no connection. */
    synchronized void release(String host) {
        holders.computeIfPresent(host, (h, n) -> n > 1 ? n - 1 : null);
        notifyAll();
    }

    private static void close(Open open) {
        open.session().quit();
        try {
            open.connection().close();
        } catch (java.io.IOException e) {
            // the line is gone already: nothing is lost, every message on it was delivered
        }
    }
}
