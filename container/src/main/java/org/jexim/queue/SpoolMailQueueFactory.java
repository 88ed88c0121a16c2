package org.jexim.queue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;


import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;

import com.google.common.collect.ImmutableSet;

/**
 * James's {@link MailQueueFactory} over one Exim spool directory. All queues share
 * {@code spool_directory/input/}; each -H file names its queue. On construction it re-reads the
 * spool, so that after a restart (or a kill -9) every message not acknowledged is delivered again.
 */
public final class SpoolMailQueueFactory implements MailQueueFactory<SpoolMailQueue> {
    public static final Duration DEFAULT_REJECT_DELAY = Duration.ofMinutes(1);
    private final SpoolStore store;
    private final MailQueueItemDecoratorFactory decorators;
    private final Duration rejectDelay;
    private final ConcurrentHashMap<MailQueueName, SpoolMailQueue> queues = new ConcurrentHashMap<>();
    private final Set<MailQueueName> created = ConcurrentHashMap.newKeySet();
    private volatile HoldPolicy policy = HoldPolicy.NEVER;
    private volatile CancelledMail cancelled = CancelledMail.UNCHANGED;

    public SpoolMailQueueFactory(SpoolDirectory directory, MailQueueItemDecoratorFactory decorators,
                                 SpoolOwner owner, Duration rejectDelay) throws IOException {
        this(directory, decorators, owner, rejectDelay, id -> { });
    }

    /** @param completed told the id of each message that leaves the spool, to log "Completed" */
    public SpoolMailQueueFactory(SpoolDirectory directory, MailQueueItemDecoratorFactory decorators,
                                 SpoolOwner owner, Duration rejectDelay, Consumer<String> completed) throws IOException {
        this(directory, decorators, owner, rejectDelay, completed, true);
    }

    /**
     * @param completed told the id of each message that leaves the spool, to log "Completed"
     * @param resume whether the messages found at start are scheduled (the daemon finishing what a
     *     stopped daemon left) or only known, waiting for a request
     */
    public SpoolMailQueueFactory(SpoolDirectory directory, MailQueueItemDecoratorFactory decorators,
                                 SpoolOwner owner, Duration rejectDelay, Consumer<String> completed,
                                 boolean resume) throws IOException {
        this.store = new SpoolStore(directory, owner, completed);
        this.decorators = decorators;
        this.rejectDelay = rejectDelay;
        directory.tidyTemporaries(Duration.ofHours(1));
        synchronized (this) {
            store.scan((entry, header) -> queue(entry.queue).adopt(entry, header, resume));
        }
    }

    /** A factory with James's plain decorators, the JVM's user as owner and fsync on. */
    public static SpoolMailQueueFactory open(java.nio.file.Path spoolDirectory) throws IOException {
        return new SpoolMailQueueFactory(new SpoolDirectory(spoolDirectory, true),
            new RawMailQueueItemDecoratorFactory(), SpoolOwner.currentUser(), DEFAULT_REJECT_DELAY);
    }

    /** Where delivery code records delivered addresses (Exim's -J files). */
    public SpoolJournal journal() {
        return new SpoolJournal(store);
    }

    public SpoolDirectory directory() {
        return store.directory();
    }

    /**
     * Picks up -H files this process does not know yet, which other processes spooled (exim4 or
     * jexim -odq): they wait for a queue run, as in Exim, and {@link #run} looks at them. (At
     * start-up every message found is scheduled, to finish what a stopped daemon left.)
     */
    public synchronized void rescan() throws IOException {
        store.scan((entry, header) -> queue(entry.queue).adopt(entry, header, false));
    }

    private SpoolMailQueue queue(MailQueueName name) {
        return queues.computeIfAbsent(name, n -> new SpoolMailQueue(n, store, this, decorators, rejectDelay));
    }

    /** Sets what decides whether new messages wait for a queue run (queue_only). */
    public void holdPolicy(HoldPolicy policy) {
        this.policy = policy;
    }

    HoldPolicy policy() {
        return policy;
    }

    /** Sets what prepares a cancelled message (-Mg) for the failure of its recipients. */
    public void cancelledMail(CancelledMail cancelled) {
        this.cancelled = cancelled;
    }

    CancelledMail cancelled() {
        return cancelled;
    }

    /** Puts the item in the waiting line of the queue its message belongs to now. */
    void offer(QueuedItem item) {
        queue(item.entry.queue).offer(item);
    }

    /** One queue run over every queue (see {@link SpoolMailQueue#run}). */
    public QueueRun run(QueueRunScope scope) throws org.apache.james.queue.api.MailQueue.MailQueueException {
        QueueRun run = new QueueRun();
        for (SpoolMailQueue queue : List.copyOf(queues.values())) {
            run.join(queue.run(scope));
        }
        return run;
    }

    /** The ids of the messages being delivered now, in id order. */
    public List<String> inFlight() {
        return queues.values().stream().flatMap(SpoolMailQueue::inFlight).sorted().toList();
    }

    Optional<SpoolMailQueue> existingQueue(MailQueueName name) {
        return Optional.ofNullable(queues.get(name));
    }

    @Override
    public Optional<SpoolMailQueue> getQueue(MailQueueName name, PrefetchCount count) {
        return Optional.ofNullable(queues.get(name));
    }

    @Override
    public SpoolMailQueue createQueue(MailQueueName name, PrefetchCount count) {
        created.add(name);
        return queue(name);
    }

    @Override
    public Set<MailQueueName> listCreatedMailQueues() {
        return ImmutableSet.copyOf(queues.keySet());
    }

    /** Stops the consumer threads of every queue; the spool stays as it is. */
    public void close() {
        queues.values().forEach(SpoolMailQueue::shutdown);
    }
}
