package org.jexim.mailets;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.mail.MessagingException;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.jexim.address.AddressItem;
import org.jexim.bounce.BounceIds;
import org.jexim.bounce.BounceOptions;
import org.jexim.bounce.DelaySchedule;
import org.jexim.bounce.DelayWarningMessage;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.matchers.RouterContexts;
import org.jexim.routing.RouterOutcome;
import org.jexim.runtime.JeximRuntime;
import org.jexim.transport.DeliveryLog;
import org.jexim.transport.autoreply.OriginalMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exim's delay warnings: after an attempt in which a transport ran and addresses were deferred,
 * a message on the queue longer than a {@code delay_warning} time, whose
 * {@code delay_warning_condition} holds, gets a warning to its sender (or errors_to) for each
 * time passed since the last warning; the count is kept with the message (the -H file's
 * warning count).
 */
final class DelayWarner {
    private static final Logger LOGGER = LoggerFactory.getLogger("org.jexim.delivery");
    static final AttributeName RECEIVED_TIME = AttributeName.of("exim.received_time");
    static final AttributeName WARNING_COUNT = AttributeName.of("exim.warning_count");
    /** Exim 4.96's default delay_warning_condition: no warnings for list, bulk or automatic mail. */
    static final String DEFAULT_CONDITION = "${if or {{ !eq{$h_list-id:$h_list-post:$h_list-subscribe:}{} }"
            + "{ match{$h_precedence:}{(?i)bulk|list|junk} }"
            + "{ match{$h_auto-submitted:}{(?i)auto-generated|auto-replied} }} {no}{yes}}";

    private final JeximRuntime runtime;
    private final DeliveryLog log;
    private final DelaySchedule schedule;

    DelayWarner(JeximRuntime runtime, DeliveryLog log) {
        this.runtime = runtime;
        this.log = log;
        this.schedule = runtime.mainOption("delay_warning").map(DelaySchedule::parse).orElse(DelaySchedule.DEFAULT);
    }

    /**
     * Sends the warning for the mail's {@code deferred} addresses if one is due at {@code now}, and records
     * the number of warnings due on the mail (kept on the spool with it).
     */
    void check(Mail mail, List<AddressItem> deferred, Instant now, MailetContext context) {
        String sender = mail.getMaybeSender().asString("");
        if (deferred.isEmpty() || sender.isEmpty() || schedule.off()
                || deferred.stream().noneMatch(a -> a.variables().containsKey(Outcomes.FAILED_IN))) {
            return; // Exim warns only after an attempt in which a transport ran
        }
        long receivedMicros = mail.getAttribute(RECEIVED_TIME).flatMap(a -> a.getValue().valueAs(Long.class)).orElse(-1L);
        if (receivedMicros < 0) {
            return;
        }
        long queueSeconds = now.getEpochSecond() - receivedMicros / 1_000_000;
        DelaySchedule.Due due = schedule.due(queueSeconds);
        int sent = mail.getAttribute(WARNING_COUNT).flatMap(a -> a.getValue().valueAs(Integer.class)).orElse(0);
        MailDsn dsn = MailDsn.of(mail);
        // Exim asks the first deferred address: a NOTIFY without DELAY means no warning
        if (sent >= due.count() || !dsn.wants(deferred.get(0), org.apache.mailet.DsnParameters.Notify.DELAY)) {
            return;
        }
        try {
            byte[] original = BouncedCopy.header(mail);
            if (!condition(mail, deferred.get(0), original)) {
                return;
            }
            Set<String> to = new LinkedHashSet<>();
            List<DelayWarningMessage.Delayed> listed = new ArrayList<>();
            for (AddressItem a : deferred) {
                to.add(a.variables().getOrDefault(RouterOutcome.ERRORS_TO, sender));
                AddressItem top = org.jexim.transport.DeliveryLog.original(a);
                boolean local = "local".equals(a.variables().get(Outcomes.FAILED_IN));
                listed.add(new DelayWarningMessage.Delayed(a.address(), top == a ? null : top.address(),
                        a.parent().flatMap(AddressItem::parent).isPresent(),
                        local ? Outcomes.LOCAL_FAILURE : a.variables().get(Outcomes.MESSAGE),
                        null, null, dsn.orcpt(a)));
            }
            String recipients = String.join(",", to);
            ZonedDateTime time = ZonedDateTime.now();
            String id = BounceIds.next(time);
            String host = RouterContexts.of(runtime, mail).lists().primaryHostname();
            byte[] warning = new DelayWarningMessage(host, runtime.qualifyDomain(), template(),
                    runtime.mainOption("errors_reply_to").orElse(null)).build(recipients, sender,
                    RouterContexts.messageId(mail), due.words(queueSeconds), listed, original, time,
                    time.toEpochSecond() + "-eximdsn-" + ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE), id,
                    GeneratedMessages.user(), dsn.envelope());
            new GeneratedMessages(context, log).spool(id, List.copyOf(to), warning, RouterContexts.messageId(mail), null);
            mail.setAttribute(new Attribute(WARNING_COUNT, AttributeValue.of(due.count())));
        } catch (MessagingException | RuntimeException e) {
            LOGGER.error("{}: cannot send the delay warning", RouterContexts.messageId(mail), e);
        }
    }

    private boolean condition(Mail mail, AddressItem first, byte[] original) {
        String text = runtime.mainOption("delay_warning_condition").orElse(DEFAULT_CONDITION);
        try {
            String v = Expander.expand(text, OriginalMessage.read(org.jexim.transport.MessageSource.of(original), 1)
                    .over(RouterContexts.of(runtime, mail).variablesFor(first)));
            return !List.of("", "0", "no", "false").contains(v.strip().toLowerCase(Locale.ROOT));
        } catch (ExpansionException | java.io.IOException e) {
            return false; // as a lookup defer in Exim: no warning this time
        }
    }

    private List<String> template() {
        String file = runtime.mainOption("warn_message_file").map(String::strip).orElse("");
        if (file.isEmpty()) {
            return null;
        }
        try {
            return BounceOptions.sections(java.nio.file.Files.readString(java.nio.file.Path.of(file),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException e) {
            LOGGER.warn("Failed to open {} for warning message texts: {}", file, e.getMessage());
            return null;
        }
    }
}
