package org.jexim.mailets;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.jexim.address.AddressItem;
import org.jexim.conf.options.EximTime;
import org.jexim.matchers.RouterContexts;
import org.jexim.retry.HostRetryHints;
import org.jexim.retry.RetryKeys;
import org.jexim.runtime.JeximRuntime;

/**
 * The address records of Exim's retry database as a delivery uses them: a queue run that is not
 * forced skips an address whose record's next try has not come (checked before routing for the
 * R: keys, before a local transport for T:); a deferral writes the record its cause names; a
 * delivery removes the address's records.
 */
final class RetryRecords {
    /** Set on a mail by the spool queue when its delivery ignores retry times (-qf, -M). */
    static final AttributeName FORCED = AttributeName.of("exim.deliver_force");
    /** Set on a mail by the spool queue when a queue run delivers it. */
    static final AttributeName QUEUE_RUNNING = AttributeName.of("exim.queue_running");
    /** The per-address variable naming the record a deferral is to write (the key). */
    static final String KEY = "_retry_key";
    /** The per-address variable holding Exim's error number for that record. */
    static final String ERRNO = "_retry_errno";
    /** The per-address variable of an address skipped as not due: epoch second of its next try. */
    static final String WAIT = "_retry_wait";

    private final HostRetryHints db;
    private final Duration dataExpire;

    RetryRecords(JeximRuntime runtime) {
        this(HostRetryHints.at(Path.of(runtime.mainOption("spool_directory").orElse("var/spool")).resolve("db/jexim-retry")),
                Duration.ofSeconds(runtime.mainOption("retry_data_expire").map(EximTime::read).orElse(7 * 86400)));
    }

    RetryRecords(HostRetryHints db, Duration dataExpire) {
        this.db = db;
        this.dataExpire = dataExpire;
    }

    /**
     * Whether the delivery honours retry records: one that is not forced, in a queue run or a
     * retry the spool timed (not the delivery that follows reception).
     */
    static boolean checked(Mail mail) {
        return !flag(mail, FORCED) && (flag(mail, QUEUE_RUNNING) || !RouterContexts.firstDelivery(mail));
    }

    /** Whether the delivery ignores retry times (-qf, -M): host hints too. */
    static boolean forced(Mail mail) {
        return flag(mail, FORCED);
    }

    private static boolean flag(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(a -> Boolean.TRUE.equals(a.getValue().value())).orElse(false);
    }

    /** The R: keys Exim reads before routing an address. */
    static List<String> routingKeys(AddressItem item, String sender) {
        return List.of(RetryKeys.routingDomain(item.domain()), RetryKeys.routingAddress(item.address()),
                RetryKeys.addressWithSender(item.address(), sender));
    }

    /**
     * The latest next try of the records under {@code keys} that is still to come; empty when the
     * address may be tried (no record, due, or older than retry_data_expire).
     */
    Optional<Instant> notDue(List<String> keys, Instant now) {
        Instant latest = null;
        for (String key : keys) {
            Optional<HostRetryHints.Hint> hint = db.get(key);
            if (hint.isEmpty() || !now.isBefore(hint.get().nextTry())
                    || Duration.between(hint.get().lastTry(), now).compareTo(dataExpire) > 0) {
                continue;
            }
            latest = latest == null || hint.get().nextTry().isAfter(latest) ? hint.get().nextTry() : latest;
        }
        return Optional.ofNullable(latest);
    }

    /** Writes the record of a deferral at {@code now} until {@code next}, keeping its first failure. */
    void deferred(String key, int errno, String message, Instant now, Instant next) {
        Instant first = db.get(key).map(HostRetryHints.Hint::firstFailed).orElse(now);
        db.put(new HostRetryHints.Hint(key, errno, message == null ? "" : message, first, now, next));
    }

    /** The first failure a record under {@code key} remembers. */
    Optional<Instant> firstFailed(String key) {
        return db.get(key).map(HostRetryHints.Hint::firstFailed);
    }

    /** A delivered address: its records are removed, as Exim's retry_update does. */
    void delivered(AddressItem item, String sender) {
        List<String> keys = new java.util.ArrayList<>(routingKeys(item, sender));
        keys.add(RetryKeys.localTransport(item.address()));
        db.removeAll(keys);
    }

    void remove(String key) {
        db.remove(key);
    }
}
