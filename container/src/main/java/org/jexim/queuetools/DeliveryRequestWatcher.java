package org.jexim.queuetools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueName;
import org.jexim.queue.SpoolMailQueue;
import org.jexim.queue.SpoolMailQueueFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's side of -M: twice a second it looks for requests and, when there are some, flushes
 * every spool queue (which first picks up messages other processes spooled and then makes every
 * waiting message due now), then deletes the requests it served. Flushing all queues is coarser
 * than Exim's one-message delivery, but uses only the queue's public API.
 */
public final class DeliveryRequestWatcher implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(DeliveryRequestWatcher.class);
    private final SpoolMailQueueFactory queues;
    private final DeliveryRequests requests;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jexim-delivery-requests");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public DeliveryRequestWatcher(SpoolMailQueueFactory queues) {
        this.queues = queues;
        this.requests = new DeliveryRequests(queues.directory().root());
        timer.scheduleWithFixedDelay(this::serve, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Serves the pending requests once. */
    void serve() {
        try {
            List<Path> pending = requests.pending();
            if (pending.isEmpty()) {
                return;
            }
            for (MailQueueName name : queues.listCreatedMailQueues()) {
                queues.getQueue(name).ifPresent(DeliveryRequestWatcher::flush);
            }
            for (Path request : pending) {
                LOGGER.info("delivery requested for {}", request.getFileName());
                Files.deleteIfExists(request);
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.error("cannot serve delivery requests", e);
        }
    }

    private static void flush(SpoolMailQueue queue) {
        try {
            queue.flush();
        } catch (MailQueue.MailQueueException e) {
            LOGGER.error("cannot flush queue {}", queue.getName(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
