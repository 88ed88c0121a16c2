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
    private static final org.apache.mailet.AttributeName FROZEN =
        org.apache.mailet.AttributeName.of(SpoolAttributes.OPTION_PREFIX + "frozen");
    private final MailQueueName name;
    private final SpoolStore store;
    private final SpoolMailQueueFactory factory;
    private final MailQueueItemDecoratorFactory decorators;
    private final Duration rejectDelay;
    private final DelayQueue<QueuedItem> waiting = new DelayQueue<>();
    private final Set<SpoolEntry> members = ConcurrentHashMap.newKeySet();
    private final Set<SpoolEntry> inFlight = ConcurrentHashMap.newKeySet();
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

    @Override
    public void enQueue(Mail mail, Duration delay) throws MailQueueException {
        Optional<Instant> deliverAt = delay == null || delay.isNegative() || delay.isZero()
            ? Optional.empty() : Optional.of(deliveryTime(delay));
        SpoolStore.Written written;
        try {
            written = store.write(mail, name, deliverAt);
        } catch (IOException | MessagingException | RuntimeException e) {
            throw new MailQueueException("cannot spool " + mail.getName() + ": " + e.getMessage(), e);
        }
        written.previousQueue().ifPresent(previous -> factory.existingQueue(previous).ifPresent(q -> q.forget(written.entry())));
        members.add(written.entry());
        if (!written.frozen()) {
            waiting.add(new QueuedItem(written.entry(), written.generation(), deliverAt.orElse(Instant.now())));
        }
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

    /** Registers an entry found on disk at start-up or by a rescan. */
    void adopt(SpoolEntry entry, SpoolHeader header) {
        members.add(entry);
        if (!header.hasFlag("frozen")) {
            waiting.add(new QueuedItem(entry, entry.generation,
                SpoolMailCodec.deliverAtOf(header).orElse(Instant.EPOCH)));
        }
    }

    void forget(SpoolEntry entry) {
        members.remove(entry);
        inFlight.remove(entry);
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
                    if (!lock(item)) {
                        continue;
                    }
                    Optional<MailImpl> mail = store.read(item.entry, item.generation);
                    if (mail.isEmpty() || mail.get().getAttribute(FROZEN).isPresent()) {
                        // gone (-Mrm by another process) or frozen (-Mf), which flush() looks at again
                        mail.ifPresent(MailImpl::dispose);
                        item.entry.releaseLock();
                        if (mail.isEmpty() && store.vanished(item.entry)) {
                            forget(item.entry);
                        }
                        continue;
                    }
                    inFlight.add(item.entry);
                    sink.next(decorators.decorate(new SpoolQueueItem(item, mail.get()), name));
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
     * Takes Exim's lock on the item's -D file, as an Exim delivery process does; a message another
     * process has locked (a queue tool at work) is offered again a little later.
     */
    private boolean lock(QueuedItem item) {
        try {
            if (item.entry.acquireLock(store.directory().dataFile(item.entry.id))) {
                return true;
            }
            waiting.add(new QueuedItem(item.entry, item.generation, Instant.now().plus(LOCKED_RETRY)));
        } catch (java.nio.file.NoSuchFileException e) {
            if (store.vanished(item.entry)) {
                forget(item.entry);
            }
        } catch (IOException e) {
            LOGGER.error("message {}: cannot lock its -D file", item.entry.id, e);
            waiting.add(new QueuedItem(item.entry, item.generation, Instant.now().plus(rejectDelay)));
        }
        return false;
    }

    /** A dequeued mail; its outcome decides what becomes of its spool files. */
    private final class SpoolQueueItem implements MailQueueItem {
        private final QueuedItem item;
        private final Mail mail;

        SpoolQueueItem(QueuedItem item, Mail mail) {
            this.item = item;
            this.mail = mail;
        }

        @Override
        public Mail getMail() {
            return mail;
        }

        @Override
        public void done(CompletionStatus status) throws MailQueueException {
            inFlight.remove(item.entry);
            try (Releaser ignored = item.entry::releaseLock) {
                switch (status) {
                    case SUCCESS -> {
                        if (store.remove(item.entry, item.generation)) {
                            members.remove(item.entry);
                        }
                    }
                    case RETRY -> offerAgain(Instant.now());
                    case REJECT -> offerAgain(Instant.now().plus(rejectDelay));
                    default -> throw new IllegalArgumentException("unknown status " + status);
                }
            } catch (IOException e) {
                throw new MailQueueException("cannot complete " + item.entry.id, e);
            }
        }

        private void offerAgain(Instant when) {
            if (store.generationOf(item.entry) == item.generation) {
                waiting.add(new QueuedItem(item.entry, item.generation, when));
            }
        }
    }

    /** Gives back the -D lock whatever happens to the item. */
    private interface Releaser extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public long getSize() {
        return members.size();
    }

    /** Makes every waiting mail due now, after picking up messages other processes spooled. */
    @Override
    public long flush() throws MailQueueException {
        try {
            factory.rescan();
        } catch (IOException e) {
            throw new MailQueueException("cannot rescan the spool", e);
        }
        List<QueuedItem> all = new ArrayList<>();
        for (QueuedItem q : waiting.toArray(new QueuedItem[0])) {
            if (waiting.remove(q)) {
                all.add(q);
            }
        }
        Instant now = Instant.now();
        Set<SpoolEntry> queued = new java.util.HashSet<>();
        all.forEach(q -> {
            queued.add(q.entry);
            waiting.add(new QueuedItem(q.entry, q.generation, now));
        });
        long count = all.size();
        for (SpoolEntry entry : List.copyOf(members)) {
            if (queued.contains(entry) || inFlight.contains(entry)) {
                continue;
            }
            long generation = store.generationOf(entry);
            try {
                if (generation >= 0 && !store.readHeader(entry).hasFlag("frozen")) {
                    waiting.add(new QueuedItem(entry, generation, now)); // thawed by another process (-Mt)
                    count++;
                }
            } catch (IOException e) {
                if (store.vanished(entry)) {
                    forget(entry);
                }
            }
        }
        return count;
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
            if (inFlight.contains(entry) || !condition.test(entry)) {
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
        inFlight.forEach(SpoolEntry::dropLock);
        consumers.forEach(LockSupport::unpark);
    }
}
