package org.jexim.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.ManageableMailQueue;
import org.jexim.log.EximLog;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * Guice module putting every James mail queue on Exim's spool; a message leaving the spool is
 * logged "Completed" in the mainlog. Install it over James's memory
 * queue: {@code Modules.override(MemoryJamesServerMain.IN_MEMORY_SERVER_AGGREGATE_MODULE)
 * .with(new SpoolQueueModule(Path.of("var/spool")))}.
 */
public final class SpoolQueueModule extends AbstractModule {
    private final Path spoolDirectory;
    private final boolean fsync;
    private final boolean resume;

    /** Queues under {@code spoolDirectory/input/}, each message fsync'd before enqueue returns. */
    public SpoolQueueModule(Path spoolDirectory) {
        this(spoolDirectory, true);
    }

    /** As above; {@code fsync=false} only for tests that do not care about crashes. */
    public SpoolQueueModule(Path spoolDirectory, boolean fsync) {
        this(spoolDirectory, fsync, true);
    }

    /**
     * {@code resume=false}: the messages found at start wait for a request (-M, -q) instead of
     * being tried at once; for a delivery process that serves one command, not for the daemon.
     */
    public SpoolQueueModule(Path spoolDirectory, boolean fsync, boolean resume) {
        this.spoolDirectory = spoolDirectory;
        this.fsync = fsync;
        this.resume = resume;
    }

    @Provides
    @Singleton
    SpoolMailQueueFactory spoolMailQueueFactory(MailQueueItemDecoratorFactory decorators) {
        try {
            // one bounce per delivery attempt: the attempts see each mail handed out and acknowledged
            return new SpoolMailQueueFactory(new SpoolDirectory(spoolDirectory, fsync),
                new AttemptTrackingDecorators(decorators, org.jexim.bounce.DeliveryAttempts.process()),
                SpoolOwner.currentUser(), SpoolMailQueueFactory.DEFAULT_REJECT_DELAY,
                id -> EximLog.main().completed(id), resume);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool directory " + spoolDirectory, e);
        }
    }

    /**
     * The messages waiting for a host an smtp transport has a connection to: a run of just those,
     * forced as Exim's continued delivery does not look at retry records (queue_running is unset).
     */
    @Provides
    @Singleton
    org.jexim.transport.WaitingDeliveries waitingDeliveries(SpoolMailQueueFactory factory) {
        return ids -> {
            try {
                factory.run(new QueueRunScope(true, java.util.Optional.of(java.util.Set.copyOf(ids))));
            } catch (org.apache.james.queue.api.MailQueue.MailQueueException e) {
                // they wait for their retry time, as when nothing passes the connection on
            }
        };
    }

    @Provides
    @Singleton
    SpoolJournal spoolJournal(SpoolMailQueueFactory factory) {
        return factory.journal();
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends ManageableMailQueue> manageableMailQueueFactory(SpoolMailQueueFactory factory) {
        return factory;
    }

    @Provides
    @Singleton
    MailQueueFactory<?> mailQueueFactory(SpoolMailQueueFactory factory) {
        return factory;
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends MailQueue> mailQueueFactoryOfMailQueues(SpoolMailQueueFactory factory) {
        return factory;
    }
}
