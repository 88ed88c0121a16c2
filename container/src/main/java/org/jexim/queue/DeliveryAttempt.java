package org.jexim.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Mail;

/**
 * One delivery attempt of a spool entry, as one Exim delivery process handles one message: the
 * routers may send its recipients on as several James mails (parts), which all keep the message's
 * id; the entry stays claimed until the last part is done, and only then is its -H file rewritten
 * with the recipients that wait for a retry, or removed with its other files. Guarded by its own
 * monitor.
 */
final class DeliveryAttempt {
    /** The scheduling whose claim the attempt holds. */
    final QueuedItem item;
    private final Mail main;
    private int open = 1;
    private boolean split;
    private Boolean mainMessageFromSpool;
    private final List<WaitingPart> waiting = new ArrayList<>();
    private Optional<Instant> retryWhole = Optional.empty();

    DeliveryAttempt(QueuedItem item, Mail main) {
        this.item = item;
        this.main = main;
    }

    /** A router sent some recipients on as a new part. */
    synchronized void opened() {
        open++;
        split = true;
    }

    /**
     * Some recipients of a part wait for a retry (a defer, a freeze, a requeue); they are written
     * back to the spool when the attempt ends.
     */
    synchronized void waitFor(Mail part, Optional<Instant> deliverAt, String spoolSourceId) throws javax.mail.MessagingException {
        boolean fromSpool = part == main ? messageFromSpool(part, spoolSourceId) : mainMessageFromSpool(spoolSourceId);
        waiting.add(WaitingPart.of(part, deliverAt, fromSpool));
    }

    /**
     * A part's processing failed and is to be tried again at that time. Before any split, the
     * whole message simply waits, as it did when dequeued.
     */
    synchronized void retry(Mail part, Instant when, String spoolSourceId) throws javax.mail.MessagingException {
        if (!split && waiting.isEmpty() && part == main) {
            retryWhole = Optional.of(when);
        } else {
            waitFor(part, Optional.of(when), spoolSourceId);
        }
    }

    /** A part is done; true when it was the last one and the attempt is over. */
    synchronized boolean closed(Mail part, String spoolSourceId) {
        if (part == main && mainMessageFromSpool == null) {
            mainMessageFromSpool = messageFromSpool(main, spoolSourceId);
        }
        return --open == 0;
    }

    synchronized List<WaitingPart> waiting() {
        return List.copyOf(waiting);
    }

    synchronized Optional<Instant> retryWhole() {
        return retryWhole;
    }

    /**
     * Whether the copies the routers made still carry the spool's message: they were made from the
     * main mail, so they do while its message is the unmodified one read from the spool.
     */
    private boolean mainMessageFromSpool(String spoolSourceId) {
        return mainMessageFromSpool != null ? mainMessageFromSpool : messageFromSpool(main, spoolSourceId);
    }

    private static boolean messageFromSpool(Mail mail, String spoolSourceId) {
        try {
            return mail.getMessage() instanceof MimeMessageWrapper wrapper && !wrapper.isModified()
                && spoolSourceId.equals(wrapper.getSourceId());
        } catch (javax.mail.MessagingException e) {
            return false;
        }
    }
}
