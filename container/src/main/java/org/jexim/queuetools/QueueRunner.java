package org.jexim.queuetools;

import java.time.Duration;

import org.apache.james.queue.api.MailQueue;
import org.jexim.log.EximLog;
import org.jexim.queue.QueueRun;
import org.jexim.queue.QueueRunScope;
import org.jexim.queue.SpoolMailQueueFactory;

/**
 * One queue run in the daemon, as Exim's queue_run does it: "Start queue run: pid=PID DETAIL" in
 * the main log, the frozen messages' timers looked at, every selected message made due (see
 * {@link SpoolMailQueueFactory#run}), and "End queue run: ..." once each of those deliveries is
 * over. The pid is the daemon's: its queue runs happen inside it.
 */
public final class QueueRunner {
    private static final Duration POLL = Duration.ofMillis(50);
    private final SpoolMailQueueFactory queues;
    private final FrozenTimers frozen;
    private final EximLog log;
    private final QueueLoadLimit loadLimit;

    public QueueRunner(SpoolMailQueueFactory queues, FrozenTimers frozen, EximLog log) {
        this(queues, frozen, log, QueueLoadLimit.NONE);
    }

    public QueueRunner(SpoolMailQueueFactory queues, FrozenTimers frozen, EximLog log, QueueLoadLimit loadLimit) {
        this.queues = queues;
        this.frozen = frozen;
        this.log = log;
        this.loadLimit = loadLimit;
    }

    /** A logged queue run; {@code detail} is what follows the pid, such as {@code -qf} (may be empty). */
    public int run(QueueRunScope scope, String detail) throws MailQueue.MailQueueException, InterruptedException {
        String what = "pid=" + ProcessHandle.current().pid() + (detail.isEmpty() ? "" : " " + detail);
        boolean logged = log.selector().has("queue_run");
        int size;
        if (logged) {
            log.main("Start queue run: " + what);
        }
        // Exim looks at the load before each message; jexim's run hands its messages over at once
        var overloaded = scope.force() ? java.util.Optional.<String>empty() : loadLimit.exceeded();
        if (overloaded.isPresent()) {
            if (logged) {
                log.main("Abandon queue run: " + what + " " + overloaded.get());
            }
            size = 0;
        } else {
            frozen.apply(scope);
            if (scope.twoStage()) {
                // -qq: every message routed first (local deliveries done, remote ones recorded as
                // waiting for their hosts), then delivered in a run of its own
                queues.run(scope).await(POLL);
                scope = scope.secondPass();
            }
            QueueRun run = queues.run(scope);
            run.await(POLL);
            size = run.size();
        }
        if (logged) {
            log.main("End queue run: " + what);
        }
        return size;
    }

    /** The delivery of chosen messages (-M, -Mc): no run is logged. */
    public int deliver(QueueRunScope scope) throws MailQueue.MailQueueException, InterruptedException {
        QueueRun run = queues.run(scope);
        run.await(POLL);
        return run.size();
    }
}
