package org.jexim.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery attempts under way in this process. Exim delivers a message in one process and
 * sends one bounce listing every address that failed in that attempt; jexim splits a message
 * into copies that its spool delivers in parallel, so this counts the mails of one attempt (the
 * mail the spool handed out and every copy made from it) and holds what their processing left
 * for the end of the attempt (the failed addresses) until the last of them is done.
 *
 * <p>A mail in no attempt known here (a test calling a mailet directly, or a copy spooled before a
 * restart) has nothing held: {@link #hold} returns false and the caller acts at once.
 */
public final class DeliveryAttempts {
    /** The attempt a mail belongs to; kept in the -H file so that copies read back from the spool keep it. */
    public static final AttributeName KEY = AttributeName.of("jexim.attempt");
    private static final Logger LOGGER = LoggerFactory.getLogger(DeliveryAttempts.class);
    private static final DeliveryAttempts PROCESS = new DeliveryAttempts();

    private final Map<String, Attempt> open = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    /** The attempts of this process (the spool and the mailets share it). */
    public static DeliveryAttempts process() {
        return PROCESS;
    }

    /** What a finished attempt releases: the items held, and the message's recipients in their order at its start. */
    @FunctionalInterface
    public interface Release<T> {
        void release(List<T> held, List<String> recipients);
    }

    private static final class Attempt {
        int mails = 1;
        final List<String> recipients;
        /** What is held, by kind (bounce, success DSN), each with the release of its kind. */
        final Map<String, Held> held = new java.util.LinkedHashMap<>();

        Attempt(List<String> recipients) {
            this.recipients = recipients;
        }
    }

    private static final class Held {
        final List<Object> items = new ArrayList<>();
        final Release<Object> release;

        Held(Release<Object> release) {
            this.release = release;
        }
    }

    /**
     * A mail the spool hands out for delivery: a copy of an attempt under way takes part in it,
     * any other mail starts a new attempt. Returns the attempt's key, for {@link #ended}.
     */
    public synchronized String begin(Mail mail) {
        Optional<String> current = key(mail).filter(open::containsKey);
        if (current.isPresent()) {
            return current.get();
        }
        String key = mail.getName() + "#" + counter.incrementAndGet();
        List<String> recipients = mail.getRecipients().stream().map(MailAddress::asString).toList();
        open.put(key, new Attempt(recipients));
        mail.setAttribute(new Attribute(KEY, AttributeValue.of(key)));
        return key;
    }

    /** A copy of {@code copy}'s attempt will be handed out later: the attempt waits for it too. */
    public synchronized void copied(Mail copy) {
        key(copy).map(open::get).ifPresent(a -> a.mails++);
    }

    /** A mail of attempt {@code key} is done; the last one releases what was held. */
    public void ended(String key) {
        Attempt done;
        synchronized (this) {
            Attempt a = open.get(key);
            if (a == null || --a.mails > 0) {
                return;
            }
            open.remove(key);
            done = a;
        }
        for (Held h : done.held.values()) {
            try {
                h.release.release(h.items, done.recipients);
            } catch (RuntimeException e) {
                LOGGER.error("attempt {}: releasing what it held failed", key, e);
            }
        }
    }

    /** The mail will not be delivered again in its attempt (a defer puts it back on the spool for later). */
    public static void leave(Mail mail) {
        mail.removeAttribute(KEY);
    }

    /**
     * Holds {@code item} until the mail's attempt ends, then hands every item of the same
     * {@code kind} held in the attempt to the release given with the first of them. Returns false
     * when the mail is in no attempt under way here.
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> boolean hold(Mail mail, String kind, T item, Release<T> release) {
        Attempt a = key(mail).map(open::get).orElse(null);
        if (a == null) {
            return false;
        }
        a.held.computeIfAbsent(kind, k -> new Held((Release<Object>) (Release<?>) release)).items.add(item);
        return true;
    }

    /** The attempt the mail belongs to, if it carries one. */
    public static Optional<String> key(Mail mail) {
        return mail.getAttribute(KEY).flatMap(a -> a.getValue().valueAs(String.class));
    }
}
