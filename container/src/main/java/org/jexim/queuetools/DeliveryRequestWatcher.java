package org.jexim.queuetools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.jexim.queue.SpoolMailQueueFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's side of the queue commands: twice a second it takes the requests that -M, -Mc,
 * -q, -R and -S filed (see {@link DeliveryRequests}) and serves each on its own thread: a queue
 * run through the {@link QueueRunner}, with its log lines, or the delivery of the chosen
 * messages; the request file goes once that work is over, which is when the command returns.
 */
public final class DeliveryRequestWatcher implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(DeliveryRequestWatcher.class);
    private final DeliveryRequests requests;
    private final QueueRunner runner;
    private final RequestOwner owner;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "jexim-delivery-requests"));
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> daemon(r, "jexim-queue-request"));

    /** A watcher whose runs use Exim's default frozen-message timers. */
    public DeliveryRequestWatcher(SpoolMailQueueFactory queues) {
        this(queues, new QueueRunner(queues, new FrozenTimers(new Spool(queues.directory().root()), QueueLog.NONE,
            FrozenTimers.Settings.DEFAULTS), org.jexim.log.EximLog.main()), RequestOwner.ANY);
    }

    @Inject
    public DeliveryRequestWatcher(SpoolMailQueueFactory queues, QueueRunner runner, RequestOwner owner) {
        this.requests = new DeliveryRequests(queues.directory().root());
        this.runner = runner;
        this.owner = owner;
        if (owner.pid().isEmpty()) {
            try {
                requests.clearAbandoned();
            } catch (IOException e) {
                LOGGER.warn("cannot clear requests a previous daemon left", e);
            }
        }
        timer.scheduleWithFixedDelay(this::serve, 500, 500, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Takes the pending requests once. */
    void serve() {
        try {
            List<Path> pending = requests.pending();
            for (Path request : pending) {
                if (!owner.serves(request)) {
                    continue;
                }
                requests.take(request).ifPresent(taken -> workers.submit(() -> serve(taken)));
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.error("cannot serve queue requests", e);
        }
    }

    private void serve(DeliveryRequests.Taken taken) {
        QueueRunRequest request = taken.request();
        try {
            LOGGER.info("queue request {} {} {}", request.kind(), request.detail(), request.ids().orElse(List.of()));
            if (request.kind() == QueueRunRequest.Kind.RUN) {
                runner.run(request.scope(), request.detail());
            } else {
                runner.deliver(request.scope());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOGGER.error("queue request failed", e);
        } finally {
            try {
                taken.finish();
            } catch (IOException e) {
                LOGGER.error("cannot remove the request {}", taken.file(), e);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
