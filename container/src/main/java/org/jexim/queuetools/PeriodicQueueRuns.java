package org.jexim.queuetools;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jexim.queue.QueueRunScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's periodic queue runner ({@code -bd -q30m}): a run at start-up, as Exim's daemon
 * starts one at once, and then every interval. Exim may have up to queue_run_max runners at
 * once; jexim's runs follow one another, each handing its messages to the queue's delivery
 * threads, which work in parallel.
 */
public final class PeriodicQueueRuns implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(PeriodicQueueRuns.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jexim-queue-runner");
        t.setDaemon(true);
        return t;
    });

    public PeriodicQueueRuns(QueueRunner runner, QueueSelection selection, FreezeThaw thaw, DaemonQueueOptions options) {
        if (options.interval().isEmpty()) {
            return;
        }
        Duration every = options.interval().get();
        String detail = options.runFlags().isEmpty() ? "" : "-q" + options.runFlags();
        timer.scheduleWithFixedDelay(() -> {
            try {
                Optional<java.util.List<String>> ids = options.firstOnly() || options.thawing()
                    ? Optional.of(selection.select(new QueueSelection.Criteria(options.thawing(), options.firstOnly(),
                        QueueSelection.Match.ANY, QueueSelection.Match.ANY, Optional.empty(), Optional.empty())))
                    : Optional.empty();
                if (options.thawing()) {
                    thaw.thawAllForDelivery(ids.orElseThrow());
                }
                runner.run(new QueueRunScope(options.forced(), ids.map(java.util.Set::copyOf),
                    QueueRunScope.twoStage(detail)), detail);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOGGER.error("periodic queue run failed", e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
