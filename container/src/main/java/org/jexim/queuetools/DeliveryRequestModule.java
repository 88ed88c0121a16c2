package org.jexim.queuetools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.jexim.conf.options.EximTime;
import org.jexim.conf.translate.OptionTexts;
import org.jexim.log.EximLog;
import org.jexim.queue.QueueOnly;
import org.jexim.queue.SpoolMailQueueFactory;
import org.jexim.runtime.JeximRuntime;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * Guice module of the daemon's queue behaviour, beside {@code SpoolQueueModule}: the
 * {@link DeliveryRequestWatcher} through which -M, -q, -R and -S reach the daemon, the periodic
 * runs of {@code -bd -q30m}, the frozen-message timers (auto_thaw, timeout_frozen_after,
 * ignore_bounce_errors_after) and queue_only (queue_only_file, queue_only_load, the daemon's -odq).
 */
public final class DeliveryRequestModule extends AbstractModule {
    private final DaemonQueueOptions options;
    private final RequestOwner owner;

    public DeliveryRequestModule() {
        this(DaemonQueueOptions.NONE);
    }

    public DeliveryRequestModule(DaemonQueueOptions options) {
        this(options, RequestOwner.ANY);
    }

    /** {@code owner}: whose requests this process serves (see {@link RequestOwner}). */
    public DeliveryRequestModule(DaemonQueueOptions options, RequestOwner owner) {
        this.options = options;
        this.owner = owner;
    }

    @Override
    protected void configure() {
        bind(DaemonQueueOptions.class).toInstance(options);
        bind(RequestOwner.class).toInstance(owner);
        bind(DeliveryRequestWatcher.class).asEagerSingleton();
        bind(DaemonQueueStarter.class).asEagerSingleton();
    }

    @Provides
    @Singleton
    QueueRunner queueRunner(SpoolMailQueueFactory queues, JeximRuntime runtime) {
        return new QueueRunner(queues, new FrozenTimers(spool(queues), daemonLog(), timers(runtime)), EximLog.main(),
            new QueueLoadLimit(runtime.mainOption("deliver_queue_load_max").map(String::strip).map(Double::parseDouble)
                .orElse(-1.0), QueueOnly::systemLoad));
    }

    @Provides
    @Singleton
    PeriodicQueueRuns periodicQueueRuns(QueueRunner runner, SpoolMailQueueFactory queues, DaemonQueueOptions options) {
        Spool spool = spool(queues);
        return new PeriodicQueueRuns(runner, new QueueSelection(spool), new FreezeThaw(spool, daemonLog(), "root"), options);
    }

    private static Spool spool(SpoolMailQueueFactory queues) {
        return new Spool(queues.directory().root());
    }

    /** Lines about one message, written by the daemon's own main log. */
    static QueueLog daemonLog() {
        return (id, text) -> EximLog.main().main(id.isEmpty() ? text : id + " " + text);
    }

    private static FrozenTimers.Settings timers(JeximRuntime runtime) {
        return new FrozenTimers.Settings(time(runtime, "auto_thaw", Duration.ZERO),
            time(runtime, "timeout_frozen_after", Duration.ZERO),
            time(runtime, "ignore_bounce_errors_after", FrozenTimers.Settings.DEFAULTS.ignoreBounceErrorsAfter()));
    }

    private static Duration time(JeximRuntime runtime, String option, Duration unset) {
        return runtime.mainOption(option).map(String::strip).map(EximTime::read).filter(s -> s >= 0)
            .map(s -> Duration.ofSeconds(s)).orElse(unset);
    }

    /**
     * Sets the spool's hold policy from queue_only and its relatives, and starts the periodic
     * runs, when the daemon starts.
     */
    static final class DaemonQueueStarter {
        @javax.inject.Inject
        DaemonQueueStarter(SpoolMailQueueFactory queues, JeximRuntime runtime, DaemonQueueOptions options,
                           PeriodicQueueRuns periodic) {
            boolean configured = OptionTexts.bool(runtime.mainOption("queue_only").orElse(null), false);
            boolean override = OptionTexts.bool(runtime.mainOption("queue_only_override").orElse(null), true);
            boolean queueOnly = options.queueOnly().filter(q -> override || q).orElse(configured);
            List<Path> files = runtime.mainOption("queue_only_file").map(v -> Arrays.stream(v.split(":"))
                .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("smtp")).map(Path::of).toList())
                .orElse(List.of());
            double load = runtime.mainOption("queue_only_load").map(String::strip).map(Double::parseDouble).orElse(-1.0);
            queues.cancelledMail(new CancelledMails());
            queues.holdPolicy(new QueueOnly(queueOnly, files, load, QueueOnly::systemLoad,
                line -> EximLog.main().main(line)));
        }
    }
}
