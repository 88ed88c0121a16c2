package org.jexim.queuetools;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;

import org.jexim.queue.QueueRunScope;

/**
 * What a queue run does to frozen messages before it delivers, as Exim's deliver_message does
 * when it meets one: past {@code timeout_frozen_after} (age of the message) it is cancelled and
 * its recipients fail; a bounce past {@code ignore_bounce_errors_after} is thawed ("Unfrozen by
 * errmsg timer"); any other message frozen longer than {@code auto_thaw} is thawed ("Unfrozen by
 * auto-thaw"). A thawed message is then delivered by the run like any other.
 */
public final class FrozenTimers {
    /** The three options; a zero duration switches that timer off. */
    public record Settings(Duration autoThaw, Duration timeoutFrozenAfter, Duration ignoreBounceErrorsAfter) {
        /** Exim's defaults: no auto-thaw, no timeout, bounce errors ignored after ten weeks. */
        public static final Settings DEFAULTS = new Settings(Duration.ZERO, Duration.ZERO, Duration.ofDays(70));
    }

    private final Spool spool;
    private final QueueLog log;
    private final Settings settings;

    public FrozenTimers(Spool spool, QueueLog log, Settings settings) {
        this.spool = spool;
        this.log = log;
        this.settings = settings;
    }

    /** Looks at every frozen message the run selects. */
    public void apply(QueueRunScope scope) {
        long now = System.currentTimeMillis() / 1000;
        try {
            for (String id : spool.messageIds(true)) {
                if (scope.ids().map(ids -> ids.contains(id)).orElse(true)) {
                    apply(id, now);
                }
            }
        } catch (IOException e) {
            log.write("", "queue run: cannot list the spool: " + Errors.text(e));
        }
    }

    private void apply(String id, long now) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (LockedMessage message = LockedMessage.open(spool, id, false, QueueLog.NONE, quiet).orElse(null)) {
            if (message == null || !message.header.frozen()) {
                return;
            }
            HeaderFile header = message.header;
            long age = now - header.receivedSeconds();
            long frozenAt = header.options().stream().filter(o -> o.name().equals("frozen")).findFirst()
                .map(OptionLine::value).map(FrozenTimers::seconds).orElse(now);
            String unfrozen;
            if (positive(settings.timeoutFrozenAfter()) && age >= settings.timeoutFrozenAfter().toSeconds()) {
                log.write(id, "cancelled by timeout_frozen_after");
                Cancellation.cancel(header, Cancellation.TIMED_OUT);
                unfrozen = null;
            } else if (header.sender().isEmpty() && age >= settings.ignoreBounceErrorsAfter().toSeconds()) {
                unfrozen = "Unfrozen by errmsg timer";
            } else if (!header.sender().isEmpty() && positive(settings.autoThaw())
                && now > frozenAt + settings.autoThaw().toSeconds()) {
                unfrozen = "Unfrozen by auto-thaw";
            } else {
                return;
            }
            header.thaw();
            spool.write(header);
            if (unfrozen != null) {
                log.write(id, unfrozen);
            }
        } catch (IOException e) {
            log.write(id, "queue run: cannot update the spool file: " + Errors.text(e));
        }
    }

    private static boolean positive(Duration d) {
        return !d.isZero() && !d.isNegative();
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }
}
