package org.jexim.queue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A James mail queue kept on Exim's spool. {@link #enQueue} returns once the message's -D and -H
 * files are fsync'd; a dequeued mail keeps its files until {@code done(SUCCESS)}; RETRY and REJECT
 * keep them and offer the mail again (REJECT after {@code rejectDelay}).
 */
public final class SpoolMailQueue implements ManageableMailQueue {
    private static final Logger LOGGER = LoggerFactory.getLogger(SpoolMailQueue.class);
    private static final Duration LOCKED_RETRY = Duration.ofSeconds(5);
    /** Read by the retry checks (org.jexim.mailets.RetryRecords.FORCED): this delivery ignores retry times. */
    private static final org.apache.mailet.AttributeName DELIVER_FORCE = org.apache.mailet.AttributeName.of("exim.deliver_force");
    /** The first pass of a two-stage run (-qq): remote addresses are routed only. */
    private static final org.apache.mailet.AttributeName FIRST_PASS = org.apache.mailet.AttributeName.of("exim.queue_2stage");
    /** $queue_running: the delivery is part of a queue run. */
    private static final org.apache.mailet.AttributeName QUEUE_RUNNING = org.apache.mailet.AttributeName.of("exim.queue_running");
    private static final org.apache.mailet.AttributeName FROZEN =
        org.apache.mailet.AttributeName.of(SpoolAttributes.OPTION_PREFIX + "frozen");
    private final MailQueueName name;
    private final SpoolStore store;
    private final SpoolMailQueueFactory factory;
    private final MailQueueItemDecoratorFactory decorators;
    private final Duration rejectDelay;
    private final DelayQueue<QueuedItem> waiting = new DelayQueue<>();
    private final Set<SpoolEntry> members = ConcurrentHashMap.newKeySet();
    private final Set<Thread> consumers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    SpoolMailQueue(MailQueueName name, SpoolStore store, SpoolMailQueueFactory factory,
                   MailQueueItemDecoratorFactory decorators, Duration rejectDelay) {
        this.name = name;
        this.store = store;
        this.factory = factory;
        this.decorators = decorators;
        this.rejectDelay = rejectDelay;
    }

    @Override
    public MailQueueName getName() {
        return name;
    }

    /** Set by the routers on the copies they send on: a new part of the delivery attempt, to run now. */
    public static final org.apache.mailet.AttributeName SPLIT = org.apache.mailet.AttributeName.of("exim.split");

    @Override
    public void enQueue(Mail mail, Duration delay) throws MailQueueException {
        Optional<Instant> deliverAt = delay == null || delay.isNegative() || delay.isZero()
            ? Optional.empty() : Optional.of(deliveryTime(delay));
        try {
            if (joinAttempt(mail, deliverAt)) {
                return;
            }
        } catch (MessagingException | RuntimeException e) {
            throw new MailQueueException("cannot requeue " + mail.getName() + ": " + e.getMessage(), e);
        }
        spool(mail, deliverAt);
    }

    private void spool(Mail mail, Optional<Instant> deliverAt) throws MailQueueException {
        SpoolStore.Written written;
        try {
            written = store.write(mail, name, deliverAt, factory.policy());
        } catch (IOException | MessagingException | RuntimeException e) {
            throw new MailQueueException("cannot spool " + mail.getName() + ": " + e.getMessage(), e);
        }
        written.previousQueue().ifPresent(previous -> factory.existingQueue(previous).ifPresent(q -> q.forget(written.entry())));
        members.add(written.entry());
        if (!written.frozen() && !written.held()) {
            waiting.add(QueuedItem.schedule(written.entry(), written.generation(), deliverAt.orElse(Instant.now())));
        } else {
            // a copy that waits (queue_only, frozen) is no longer part of the attempt that made it
            org.jexim.bounce.DeliveryAttempts.key(mail).ifPresent(org.jexim.bounce.DeliveryAttempts.process()::ended);
        }
    }

    /**
     * A mail of a message whose delivery attempt is in progress here keeps the message's id, as in
     * Exim: a copy the routers sent on runs now as a new part; anything else put back (a defer, a
     * freeze, a requeue) waits until the attempt ends.
     */
    private boolean joinAttempt(Mail mail, Optional<Instant> deliverAt) throws MessagingException {
        Optional<SpoolEntry> entry = mail.getAttribute(SpoolAttributes.MESSAGE_ID)
            .flatMap(a -> a.getValue().valueAs(String.class)).flatMap(store::entryOf);
        Optional<DeliveryAttempt> attempt = entry.flatMap(SpoolEntry::attempt);
        if (attempt.isEmpty() || !name.equals(entry.get().queue)) {
            // not being delivered here, or moving to another queue: spooled at once as before
            mail.removeAttribute(SPLIT);
            return false;
        }
        if (mail.removeAttribute(SPLIT).isPresent() && deliverAt.isEmpty()) {
            attempt.get().opened();
            waiting.add(QueuedItem.part(entry.get(), mail));
        } else {
            attempt.get().waitFor(mail, deliverAt, entry.get().dataSourceId());
        }
        return true;
    }

    private static Instant deliveryTime(Duration delay) {
        try {
            return Instant.now().plus(delay);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return Instant.MAX.minusSeconds(1);
        }
    }

    @Override
    public void enQueue(Mail mail) throws MailQueueException {
        enQueue(mail, Duration.ZERO);
    }

    @Override
    public Publisher<Void> enqueueReactive(Mail mail) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                enQueue(mail);
            } catch (MailQueueException e) {
                throw new IllegalStateException(e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Registers an entry found on disk at start-up or by a rescan; scheduled at its time if asked. */
    void adopt(SpoolEntry entry, SpoolHeader header, boolean schedule) {
        members.add(entry);
        if (schedule && !header.hasFlag("frozen") && !SpoolMailCodec.heldOf(header)) {
            waiting.add(QueuedItem.schedule(entry, store.generationOf(entry),
                SpoolMailCodec.deliverAtOf(header).orElse(Instant.EPOCH)));
        }
    }

    void forget(SpoolEntry entry) {
        members.remove(entry);
    }

    /**
     * Each subscriber gets a thread that takes due items as the subscriber asks for them; an item
     * taken after cancellation goes back to the queue.
     */
    @Override
    public Flux<MailQueueItem> deQueue() {
        return Flux.create(this::feed, FluxSink.OverflowStrategy.BUFFER);
    }

    private void feed(FluxSink<MailQueueItem> sink) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread thread = new Thread(() -> {
            try {
                while (!cancelled.get() && !closed) {
                    if (sink.requestedFromDownstream() <= 0) {
                        LockSupport.parkNanos(50_000_000L);
                        continue;
                    }
                    QueuedItem item = waiting.poll(200, TimeUnit.MILLISECONDS);
                    if (item == null) {
                        continue;
                    }
                    if (cancelled.get() || closed) {
                        waiting.add(item);
                        break;
                    }
                    handOut(item).ifPresent(sink::next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                consumers.remove(Thread.currentThread());
            }
        }, "spool-queue-" + name.asString());
        thread.setDaemon(true);
        consumers.add(thread);
        sink.onRequest(n -> LockSupport.unpark(thread));
        sink.onDispose(() -> {
            cancelled.set(true);
            LockSupport.unpark(thread);
        });
        thread.start();
    }

    /**
     * Claims the item's entry and reads its mail; empty when the item is stale, waits for a
     * delivery of the same message to end, or the message is locked, gone or frozen.
     */
    private Optional<MailQueueItem> handOut(QueuedItem item) {
        if (item.part != null) {
            return item.entry.attempt()
                .map(attempt -> decorators.decorate(new SpoolQueueItem(item.entry, attempt, item.part), name));
        }
        if (!claim(item)) {
            return Optional.empty();
        }
        Optional<MailImpl> mail = store.read(item.entry, item.generation);
        if (mail.isEmpty() || mail.get().getAttribute(FROZEN).isPresent()) {
            // gone (-Mrm by another process) or frozen (-Mf), which a queue run looks at again
            mail.ifPresent(MailImpl::dispose);
            release(item);
            if (mail.isEmpty() && store.vanished(item.entry)) {
                forget(item.entry);
            }
            return Optional.empty();
        }
        mail.get().getAttribute(SpoolAttributes.CANCEL).flatMap(a -> a.getValue().valueAs(String.class))
            .ifPresent(text -> factory.cancelled().prepare(mail.get(), text));
        if (item.forced) {
            mail.get().setAttribute(new org.apache.mailet.Attribute(DELIVER_FORCE, org.apache.mailet.AttributeValue.of(true)));
        }
        if (item.firstPass) {
            mail.get().setAttribute(new org.apache.mailet.Attribute(FIRST_PASS, org.apache.mailet.AttributeValue.of(true)));
        }
        if (item.queueRun) {
            mail.get().setAttribute(new org.apache.mailet.Attribute(QUEUE_RUNNING, org.apache.mailet.AttributeValue.of(true)));
        }
        DeliveryAttempt attempt = new DeliveryAttempt(item, mail.get());
        item.entry.attempt(attempt);
        return Optional.of(decorators.decorate(new SpoolQueueItem(item.entry, attempt, mail.get()), name));
    }

    /**
     * Claims the entry for the item, which takes Exim's lock on its -D file as an Exim delivery
     * process does. A message another process has locked (a queue tool at work) is offered again
     * a little later; one this process is delivering now gets the item when that delivery ends.
     */
    private boolean claim(QueuedItem item) {
        try {
            switch (item.entry.claim(item, store.directory().dataFile(item.entry.id))) {
                case CLAIMED:
                    return true;
                case LOCKED_ELSEWHERE:
                    waiting.add(item.at(Instant.now().plus(LOCKED_RETRY)));
                    return false;
                default:
                    return false;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            item.entry.finish(item);
            if (store.vanished(item.entry)) {
                forget(item.entry);
            }
        } catch (IOException e) {
            LOGGER.error("message {}: cannot lock its -D file", item.entry.id, e);
            waiting.add(item.at(Instant.now().plus(rejectDelay)));
        }
        return false;
    }

    /** Ends the item's claim; a scheduling that came due meanwhile goes to the entry's queue. */
    private void release(QueuedItem item) {
        item.entry.release(item).ifPresent(next -> factory.offer(next.at(Instant.now())));
    }

    /** Puts an item in this queue's waiting line. */
    void offer(QueuedItem item) {
        waiting.add(item);
    }

    /**
     * A dequeued mail, the message's own or a part of its delivery attempt; when the last of them
     * is done, the attempt's outcome decides what becomes of the spool files.
     */
    private final class SpoolQueueItem implements MailQueueItem {
        private final SpoolEntry entry;
        private final DeliveryAttempt attempt;
        private final Mail mail;

        SpoolQueueItem(SpoolEntry entry, DeliveryAttempt attempt, Mail mail) {
            this.entry = entry;
            this.attempt = attempt;
            this.mail = mail;
        }

        @Override
        public Mail getMail() {
            return mail;
        }

        @Override
        public void done(CompletionStatus status) throws MailQueueException {
            try {
                switch (status) {
                    case SUCCESS -> { }
                    case RETRY -> attempt.retry(mail, Instant.now(), entry.dataSourceId());
                    case REJECT -> attempt.retry(mail, Instant.now().plus(rejectDelay), entry.dataSourceId());
                    default -> throw new IllegalArgumentException("unknown status " + status);
                }
            } catch (MessagingException e) {
                throw new MailQueueException("cannot requeue " + entry.id, e);
            } finally {
                if (attempt.closed(mail, entry.dataSourceId())) {
                    end(entry, attempt);
                }
            }
        }
    }

    /**
     * The attempt's last part is done: the message leaves the spool, or goes back to it with the
     * recipients that wait, under its id; then the claim ends.
     */
    private void end(SpoolEntry entry, DeliveryAttempt attempt) throws MailQueueException {
        QueuedItem item = attempt.item;
        try {
            List<WaitingPart> parts = attempt.waiting();
            if (attempt.retryWhole().isPresent()) {
                offerAgain(item, attempt.retryWhole().get());
            } else if (parts.isEmpty()) {
                if (store.remove(entry, item.generation)) {
                    members.remove(entry);
                }
            } else {
                requeue(entry, item, parts);
            }
        } catch (IOException | MessagingException e) {
            throw new MailQueueException("cannot complete " + entry.id, e);
        } finally {
            release(item);
        }
    }

    private void requeue(SpoolEntry entry, QueuedItem item, List<WaitingPart> parts)
        throws MessagingException, MailQueueException {
        Optional<MailImpl> fromSpool = store.read(entry, item.generation);
        if (fromSpool.isEmpty()) {
            return; // removed meanwhile (-Mrm by another process)
        }
        MailImpl mail = RequeuedMail.of(entry.name, parts, fromSpool.get());
        try {
            spool(mail, RequeuedMail.deliverAt(parts));
        } finally {
            mail.dispose();
            fromSpool.get().dispose();
        }
    }

    private void offerAgain(QueuedItem item, Instant when) {
        long generation = store.generationOf(item.entry);
        if (generation == item.generation) {
            waiting.add(QueuedItem.schedule(item.entry, generation, when));
        }
    }

    /** The ids of this queue's messages being delivered now. */
    java.util.stream.Stream<String> inFlight() {
        return members.stream().filter(SpoolEntry::claimed).map(e -> e.id);
    }

    @Override
    public long getSize() {
        return members.size();
    }

    /** Makes every message that is not frozen due now (a forced queue run), after a rescan. */
    @Override
    public long flush() throws MailQueueException {
        return run(QueueRunScope.FORCED).size();
    }

    /**
     * One queue run over this queue, after picking up messages other processes spooled: each
     * member the scope selects that is not frozen, not being delivered now, and either forced,
     * waiting for a queue run (queue_only) or past its retry time, is made due now.
     */
    public QueueRun run(QueueRunScope scope) throws MailQueueException {
        try {
            factory.rescan();
        } catch (IOException e) {
            throw new MailQueueException("cannot rescan the spool", e);
        }
        Instant now = Instant.now();
        QueueRun run = new QueueRun();
        List<SpoolEntry> selected = new ArrayList<>(members);
        selected.sort(java.util.Comparator.comparing(e -> e.id));
        for (SpoolEntry entry : selected) {
            if (!scope.selects(entry.id) || entry.claimed()) {
                continue;
            }
            long generation = store.generationOf(entry);
            try {
                SpoolHeader header = store.readHeader(entry);
                if (generation < 0 || header.hasFlag("frozen")) {
                    continue;
                }
                // as Exim's queue runner: every message is delivered; addresses whose retry time has
                // not come are skipped there (RoutingRetry, the transports), unless the run is forced
                QueuedItem item = QueuedItem.schedule(entry, generation, now, scope.force());
                item.firstPass = scope.twoStage();
                waiting.add(item);
                run.add(entry, item.ticket);
            } catch (IOException e) {
                if (store.vanished(entry)) {
                    forget(entry);
                }
            }
        }
        return run;
    }

    @Override
    public long clear() throws MailQueueException {
        return removeWhere(entry -> true);
    }

    @Override
    public long remove(Type type, String value) throws MailQueueException {
        return removeWhere(entry -> {
            Optional<MailImpl> mail = store.read(entry, store.generationOf(entry));
            try {
                return mail.map(m -> switch (type) {
                    case Name -> m.getName().equals(value) || value.equals(entry.id);
                    case Sender -> m.getMaybeSender().asString().equals(value);
                    case Recipient -> m.getRecipients().stream().map(MailAddress::asString).anyMatch(value::equals);
                }).orElse(false);
            } finally {
                mail.ifPresent(MailImpl::dispose);
            }
        });
    }

    private long removeWhere(java.util.function.Predicate<SpoolEntry> condition) throws MailQueueException {
        long removed = 0;
        for (SpoolEntry entry : List.copyOf(members)) {
            if (entry.claimed() || !condition.test(entry)) {
                continue;
            }
            try {
                if (store.remove(entry, store.generationOf(entry))) {
                    members.remove(entry);
                    removed++;
                }
            } catch (IOException e) {
                throw new MailQueueException("cannot remove " + entry.id, e);
            }
        }
        return removed;
    }

    @Override
    public MailQueueIterator browse() {
        Iterator<SpoolEntry> entries = List.copyOf(members).iterator();
        return new MailQueueIterator() {
            private MailQueueItemView next;

            @Override
            public boolean hasNext() {
                while (next == null && entries.hasNext()) {
                    SpoolEntry entry = entries.next();
                    long generation = store.generationOf(entry);
                    next = store.read(entry, generation).map(mail -> view(entry, mail)).orElse(null);
                }
                return next != null;
            }

            @Override
            public MailQueueItemView next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                MailQueueItemView result = next;
                next = null;
                return result;
            }

            @Override
            public void close() {
            }
        };
    }

    private MailQueueItemView view(SpoolEntry entry, Mail mail) {
        try {
            return new DefaultMailQueueItemView(mail, SpoolMailCodec.deliverAtOf(store.readHeader(entry))
                .map(t -> t.atZone(ZoneOffset.UTC)));
        } catch (IOException e) {
            return new DefaultMailQueueItemView(mail);
        }
    }

    /** Stops the consumer threads; the messages stay on disk. */
    @Override
    public void close() {
    }

    void shutdown() {
        closed = true;
        members.forEach(SpoolEntry::dropLock);
        consumers.forEach(LockSupport::unpark);
    }
}
