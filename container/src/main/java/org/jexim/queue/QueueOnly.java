package org.jexim.queue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;

/**
 * Exim's reasons for not delivering a message as soon as it is received: {@code queue_only}
 * (or {@code -odq} given to the daemon), a file of {@code queue_only_file} that exists, a load
 * average above {@code queue_only_load} (logged "no immediate delivery: load average N.NN"), or
 * a mail marked {@link #QUEUE_ONLY} by whoever received it (an ACL's {@code control =
 * queue_only}, a command line {@code -odq}).
 *
 * @param queueOnly queue_only after the daemon's -odq/-odi/-odb
 * @param files the queue_only_file paths (those starting "smtp", which only hold SMTP
 *     deliveries, are not honoured)
 * @param load queue_only_load, negative when unset
 */
public record QueueOnly(boolean queueOnly, List<Path> files, double load, DoubleSupplier loadAverage,
                        Consumer<String> log) implements HoldPolicy {
    /** A mail attribute (Boolean true) asking that this one message wait for a queue run. */
    public static final AttributeName QUEUE_ONLY = AttributeName.of("exim.queue_only");
    /** With {@link #QUEUE_ONLY}: why, logged as "ID no immediate delivery: REASON" (see {@link SessionQueueing}). */
    public static final AttributeName QUEUE_ONLY_REASON = AttributeName.of("exim.queue_only_reason");

    /** The system's one-minute load average, as Exim's OS_GETLOADAVG. */
    public static double systemLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    @Override
    public boolean holds(Mail mail) {
        if (queueOnly || files.stream().anyMatch(Files::exists)) {
            return true; // plain queue_only: Exim logs no reason
        }
        if (mail.getAttribute(QUEUE_ONLY).flatMap(a -> a.getValue().valueAs(Boolean.class)).orElse(false)) {
            mail.getAttribute(QUEUE_ONLY_REASON).flatMap(a -> a.getValue().valueAs(String.class))
                .ifPresent(reason -> log.accept(mail.getName() + " no immediate delivery: " + reason));
            return true;
        }
        if (load >= 0) {
            double now = loadAverage.getAsDouble();
            if (now > load) {
                log.accept(mail.getName() + " no immediate delivery: load average " + String.format(Locale.ROOT, "%.2f", now));
                return true;
            }
        }
        return false;
    }
}
