package org.jexim.mailets;

import java.time.Duration;
import javax.inject.Inject;
import javax.mail.MessagingException;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deferred addresses: the mail goes back to the spool queue and is routed again from the
 * first router after the retry interval (a fixed 15 minutes until the retry rules drive the
 * queue). Written by the translator as the processor {@code defer}:
 * <pre>{@code
 * <processor state="defer"><mailet match="All" class="org.jexim.mailets.Defer"/></processor>
 * }</pre>
 */
public final class Defer extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger("org.jexim.delivery");
    static final Duration RETRY = Duration.ofMinutes(15);

    private final MailQueueFactory<?> queues;
    private MailQueue spool;

    @Inject
    public Defer(MailQueueFactory<?> queues) {
        this.queues = queues;
    }

    @Override
    public void init() {
        spool = queues.createQueue(MailQueueFactory.SPOOL);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        LOGGER.debug("{}: {} back on the spool for a retry in {}", mail.getName(), mail.getRecipients(), RETRY);
        mail.setState("routers");
        spool.enQueue(mail, RETRY);
        mail.setState(Mail.GHOST);
    }
}
