package org.jexim.mailets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * goes back to the spool queue until the earliest of them and then starts again in the root
 * processor (the system filter runs on every delivery attempt, as in Exim) and the routers. An address past its last cutoff fails ({@code retry timeout exceeded}) and is
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
    /** Per-address variable: epoch second of the last try, for Exim's last gap (G and H rules). */
    static final String LAST_TRY = "_retry_last";
    /** The -H file's -frozen line: the message waits for -Mt or a -qff run. */
    private static final org.apache.mailet.AttributeName FROZEN = org.apache.mailet.AttributeName.of("exim.spool.frozen");
    /** Asks the spool to hold the message for a queue run (the queue's QueueOnly.QUEUE_ONLY). */
    private static final org.apache.mailet.AttributeName QUEUE_ONLY = org.apache.mailet.AttributeName.of("exim.queue_only");
    /**
     * Set on the recipients the system filter defers: Exim keeps them for the next queue run with
     * no retry record, so they never time out; they wait as the retry rules say, or
     * {@link #NO_RULE_WAIT} when no rule applies.
     */
    static final String WHOLE_MESSAGE = "_retry_whole_message";
    static final Duration NO_RULE_WAIT = Duration.ofMinutes(15);

    private final MailQueueFactory<?> queues;
    private final JeximRuntime runtime;
    private final DeliveryLog log;
    private MailQueue spool;
    private RetrySchedule schedule;
    private DelayWarner warner;
    private RetryRecords records;

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
        warner = new DelayWarner(runtime, log);
        records = new RetryRecords(runtime);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Instant now = Instant.now();
        Instant next = null;
        RecipientGroups groups = new RecipientGroups();
        List<AddressItem> deferred = new java.util.ArrayList<>();
        boolean freeze = false;
        boolean forQueueRun = false;
        for (MailAddress recipient : mail.getRecipients()) {
            AddressItem item = AddressAttributes.get(mail, recipient);
            String notDue = item.variables().get(RetryRecords.WAIT);
            if (notDue != null) {
                // skipped as not due (-52/-53): it waits for its record's next try, which stays as it was
                AddressItem kept = item.without(RetryRecords.WAIT, Outcomes.FAILED_IN, Outcomes.FREEZE);
                AddressAttributes.put(mail, recipient, kept);
                deferred.add(kept);
                groups.stay(kept);
                Instant at = Instant.ofEpochSecond(Long.parseLong(notDue));
                next = next == null || at.isBefore(next) ? at : next;
                continue;
            }
            String retryKey = item.variables().get(RetryRecords.KEY);
            int retryErrno = Integer.parseInt(item.variables().getOrDefault(RetryRecords.ERRNO, "-1"));
            item = item.without(RetryRecords.KEY, RetryRecords.ERRNO);
            Instant first = item.variables().containsKey(FIRST_FAILED)
                    ? Instant.ofEpochSecond(Long.parseLong(item.variables().get(FIRST_FAILED))) : now;
            if (retryKey != null) {
                // Exim's retry_update for a non-host error: failing since the record's first failure,
                // or since the message arrived when it is older than that
                first = earliest(first, records.firstFailed(retryKey));
                first = earliest(first, received(mail));
            }
            long last = Long.parseLong(item.variables().getOrDefault(INTERVAL, "0"));
            if (item.variables().containsKey(LAST_TRY)) {
                last = RetrySchedule.lastGap(last, Instant.ofEpochSecond(Long.parseLong(item.variables().get(LAST_TRY))), now);
            }
            RetrySchedule.Decision d = schedule.decide(item.address(), "*", first, last, now);
            if (item.variables().containsKey(WHOLE_MESSAGE)) {
                item = item.without(WHOLE_MESSAGE);
                if (d.giveUp()) {
                    long wait = last > 0 ? last : NO_RULE_WAIT.getSeconds();
                    d = new RetrySchedule.Decision(Optional.of(now.plusSeconds(wait)), wait);
                }
            }
            if (retryKey != null) {
                if (d.giveUp()) {
                    records.remove(retryKey);
                } else {
                    records.deferred(retryKey, retryErrno, item.variables().get(Outcomes.MESSAGE), now, d.next().get());
                }
            }
            if (d.giveUp()) {
                // Exim's retry_update: "** addr: retry timeout exceeded" without router or transport;
                // the bounce shows the deferral's error first ("local delivery failed" for a local transport)
                log.failed(RouterContexts.messageId(mail), item, null, null, RetrySchedule.TIMEOUT);
                String why = "local".equals(item.variables().get(Outcomes.FAILED_IN)) ? Outcomes.LOCAL_FAILURE
                        : item.variables().get(Outcomes.MESSAGE);
                String shown = why == null || why.isEmpty() ? RetrySchedule.TIMEOUT : why + ": " + RetrySchedule.TIMEOUT;
                groups.send(Outcomes.BOUNCE, item.with(Outcomes.MESSAGE, shown));
                groups.error(Outcomes.BOUNCE, item.address() + ": " + shown);
                continue;
            }
            AddressItem kept = item.with(FIRST_FAILED, Long.toString(first.getEpochSecond()))
                    .with(INTERVAL, Long.toString(d.intervalSeconds())).with(LAST_TRY, Long.toString(now.getEpochSecond()));
            deferred.add(kept);
            freeze |= kept.variables().containsKey(Outcomes.FREEZE);
            forQueueRun |= kept.variables().containsKey(FirstPassQueueing.FOR_QUEUE_RUN);
            kept = kept.without(FirstPassQueueing.FOR_QUEUE_RUN);
            kept = kept.without(Outcomes.FAILED_IN, Outcomes.FREEZE); // the next attempt starts from routing again
            AddressAttributes.put(mail, recipient, kept);
            groups.stay(kept);
            next = next == null || d.next().get().isBefore(next) ? d.next().get() : next;
        }
        groups.apply(mail, getMailetContext());
        if (next == null) {
            return;
        }
        if (freeze) {
            // the message waits, frozen, for -Mt or -qff; Exim logs "Frozen" after the == line
            mail.setAttribute(new org.apache.mailet.Attribute(FROZEN,
                    org.apache.mailet.AttributeValue.of(Long.toString(now.getEpochSecond()))));
            new FreezeTeller(runtime, log).tell(mail, "", deferred.stream().map(a -> new org.jexim.bounce.FreezeTellMessage
                    .Waiting(a.address(), a.parent().map(AddressItem::address).orElse(null),
                            a.variables().get(Outcomes.MESSAGE))).toList(), getMailetContext());
            log.message(RouterContexts.messageId(mail), "Frozen");
        } else if (!FirstPassQueueing.twoStage(mail)) { // as Exim: no delay warning from a -qq first pass
            warner.check(mail, deferred, now, getMailetContext());
        }
        if (forQueueRun) {
            // queue_smtp_domains: the message waits for the next queue run, whatever its retry times
            mail.setAttribute(new org.apache.mailet.Attribute(QUEUE_ONLY, org.apache.mailet.AttributeValue.of(true)));
        }
        Duration delay = Duration.between(now, next);
        LOGGER.debug("{}: {} back on the spool for a retry in {}", mail.getName(), mail.getRecipients(), delay);
        mail.setState(Mail.DEFAULT);
        org.jexim.bounce.DeliveryAttempts.leave(mail); // the retry is a delivery attempt of its own
        spool.enQueue(mail, delay);
        mail.setState(Mail.GHOST);
    }

    private static Instant earliest(Instant a, Optional<Instant> b) {
        return b.filter(t -> t.isBefore(a)).orElse(a);
    }

    /** When the message arrived (the -H file's received time), if known. */
    private static Optional<Instant> received(Mail mail) {
        return mail.getAttribute(DelayWarner.RECEIVED_TIME).flatMap(a -> a.getValue().valueAs(Long.class))
                .filter(micros -> micros > 0).map(micros -> Instant.ofEpochSecond(micros / 1_000_000));
    }
}
