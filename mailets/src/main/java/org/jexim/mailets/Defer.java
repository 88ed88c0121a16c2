package org.jexim.mailets;

import java.time.Duration;
import java.time.Instant;
import javax.inject.Inject;
import javax.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.jexim.address.AddressAttributes;
import org.jexim.address.AddressItem;
import org.jexim.conf.options.EximTime;
import org.jexim.matchers.RouterContexts;
import org.jexim.retry.RetrySchedule;
import org.jexim.runtime.JeximRuntime;
import org.jexim.transport.DeliveryLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deferred addresses: each gets its next retry time from the retry rules (first failure and
 * last interval travel with the address and are kept on the spool in the -H file); the mail
 * goes back to the spool queue until the earliest of them and is then routed again from the
 * first router. An address past its last cutoff fails ({@code retry timeout exceeded}) and is
 * bounced. Written by the translator as the processor {@code defer}:
 * <pre>{@code
 * <processor state="defer"><mailet match="All" class="org.jexim.mailets.Defer"/></processor>
 * }</pre>
 */
public final class Defer extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger("org.jexim.delivery");
    /** Per-address variables: epoch second of the first failure, last retry interval in seconds. */
    static final String FIRST_FAILED = "_retry_first";
    static final String INTERVAL = "_retry_interval";

    private final MailQueueFactory<?> queues;
    private final JeximRuntime runtime;
    private final DeliveryLog log;
    private MailQueue spool;
    private RetrySchedule schedule;

    @Inject
    public Defer(MailQueueFactory<?> queues, JeximRuntime runtime, DeliveryLog log) {
        this.queues = queues;
        this.runtime = runtime;
        this.log = log;
    }

    @Override
    public void init() {
        spool = queues.createQueue(MailQueueFactory.SPOOL);
        Duration max = Duration.ofSeconds(runtime.mainOption("retry_interval_max").map(EximTime::read).orElse(86400));
        schedule = new RetrySchedule(runtime.retryRules(), max);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Instant now = Instant.now();
        Instant next = null;
        RecipientGroups groups = new RecipientGroups();
        for (MailAddress recipient : mail.getRecipients()) {
            AddressItem item = AddressAttributes.get(mail, recipient);
            Instant first = item.variables().containsKey(FIRST_FAILED)
                    ? Instant.ofEpochSecond(Long.parseLong(item.variables().get(FIRST_FAILED))) : now;
            long last = Long.parseLong(item.variables().getOrDefault(INTERVAL, "0"));
            RetrySchedule.Decision d = schedule.decide(item.address(), "*", first, last, now);
            if (d.giveUp()) {
                String router = item.variables().get(Outcomes.ROUTER);
                log.failed(RouterContexts.messageId(mail), item, router, null, RetrySchedule.TIMEOUT);
                groups.send(Outcomes.BOUNCE, item.with(Outcomes.MESSAGE, RetrySchedule.TIMEOUT));
                groups.error(Outcomes.BOUNCE, item.address() + ": " + RetrySchedule.TIMEOUT);
                continue;
            }
            AddressItem kept = item.with(FIRST_FAILED, Long.toString(first.getEpochSecond()))
                    .with(INTERVAL, Long.toString(d.intervalSeconds()));
            AddressAttributes.put(mail, recipient, kept);
            groups.stay(kept);
            next = next == null || d.next().get().isBefore(next) ? d.next().get() : next;
        }
        groups.apply(mail, getMailetContext());
        if (next == null) {
            return;
        }
        Duration delay = Duration.between(now, next);
        LOGGER.debug("{}: {} back on the spool for a retry in {}", mail.getName(), mail.getRecipients(), delay);
        mail.setState("routers");
        spool.enQueue(mail, delay);
        mail.setState(Mail.GHOST);
    }
}
