package org.jexim.mailets;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.inject.Inject;
import javax.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.jexim.address.AddressAttributes;
import org.jexim.address.AddressItem;
import org.jexim.bounce.BounceIds;
import org.jexim.bounce.BounceMessage;
import org.jexim.bounce.BounceOptions;
import org.jexim.bounce.DeliveryAttempts;
import org.jexim.bounce.FailedAddress;
import org.jexim.bounce.Failure;
import org.jexim.bounce.FailureOrder;
import org.jexim.matchers.RouterContexts;
import org.jexim.runtime.JeximRuntime;
import org.jexim.transport.DeliveryLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed addresses: Exim's bounce message goes to the sender from {@code <>} and through the
 * routers like any message, one per delivery attempt listing every address that failed in it
 * (the failures of the attempt's mails are held until its last mail is done); a failed bounce is
 * never bounced again: it is frozen with its failed recipients, as in Exim. Written by the translator as the processor {@code bounce}:
 * <pre>{@code
 * <processor state="bounce"><mailet match="All" class="org.jexim.mailets.Bounce"/></processor>
 * }</pre>
 */
public final class Bounce extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger("org.jexim.delivery");

    private static final java.util.concurrent.atomic.AtomicLong SEEN = new java.util.concurrent.atomic.AtomicLong();

    private final JeximRuntime runtime;
    private final DeliveryLog log;

    private final org.apache.james.queue.api.MailQueueFactory<?> queues;

    @Inject
    public Bounce(JeximRuntime runtime, DeliveryLog log, org.apache.james.queue.api.MailQueueFactory<?> queues) {
        this.runtime = runtime;
        this.log = log;
        this.queues = queues;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (mail.getMaybeSender().isNullSender()) {
            freeze(mail);
            return;
        }
        mail.setState(Mail.GHOST);
        MailDsn dsn = MailDsn.of(mail);
        List<Failure> failures = new ArrayList<>();
        for (MailAddress recipient : mail.getRecipients()) {
            AddressItem item = AddressAttributes.get(mail, recipient);
            if (!dsn.wants(item, org.apache.mailet.DsnParameters.Notify.FAILURE)) {
                // NOTIFY=NEVER, or NOTIFY without FAILURE: no bounce for it, as Exim logs
                log.message(RouterContexts.messageId(mail), item.address()
                        + ": error ignored: RFC 3461 DSN, failure notify not requested");
                continue;
            }
            failures.add(failure(mail, item, dsn.orcpt(item)));
        }
        if (failures.isEmpty()) {
            return;
        }
        // only as much of the message as the bounce can return: a large message is never held whole
        BounceOptions options = options();
        Report report = new Report(RouterContexts.messageId(mail), mail.getMaybeSender().asString(),
                BouncedCopy.of(mail, options),
                failures, RouterContexts.of(runtime, mail).lists().primaryHostname(), dsn.envelope());
        // Exim sends one bounce per delivery attempt: the attempt's other mails may fail addresses too
        if (!DeliveryAttempts.process().hold(mail, "bounce", report, this::send)) {
            send(List.of(report), mail.getRecipients().stream().map(MailAddress::asString).toList());
        }
    }

    /**
     * A bounce (or other message from {@code <>}) that failed is never bounced again: Exim freezes it,
     * with its failed recipients, until -Mt, a -qff run or ignore_bounce_errors_after.
     */
    private void freeze(Mail mail) throws MessagingException {
        mail.setAttribute(new org.apache.mailet.Attribute(org.apache.mailet.AttributeName.of("exim.spool.frozen"),
                org.apache.mailet.AttributeValue.of(Long.toString(java.time.Instant.now().getEpochSecond()))));
        log.message(RouterContexts.messageId(mail), "Frozen (delivery error message)");
        mail.setState(Mail.DEFAULT);
        DeliveryAttempts.leave(mail);
        queues.createQueue(org.apache.james.queue.api.MailQueueFactory.SPOOL).enQueue(mail);
        mail.setState(Mail.GHOST);
    }

    /** What one mail of an attempt brought to the bounce: its failed addresses and the message. */
    private record Report(String messageId, String sender, org.jexim.bounce.ReturnedMessage message, List<Failure> failures,
                          String hostname,
                          org.jexim.bounce.DsnEnvelope dsn) {
    }

    private Failure failure(Mail mail, AddressItem item, String orcpt) {
        AddressItem top = DeliveryLog.original(item);
        int depth = 0;
        for (AddressItem a = item; a.parent().isPresent(); a = a.parent().get()) {
            depth++;
        }
        String to = item.variables().getOrDefault(org.jexim.routing.RouterOutcome.ERRORS_TO,
                mail.getMaybeSender().asString());
        FailedAddress failed = new FailedAddress(item.address(), top == item ? null : top.address(), depth > 1,
                item.variables().get(Outcomes.MESSAGE), item.variables().get(Outcomes.OUTPUT),
                item.variables().get(Outcomes.REMOTE_MTA), item.variables().get(Outcomes.DIAGNOSTIC), orcpt);
        return new Failure(to, failed, depth, top.address(), item.variables().get(Outcomes.FAILED_IN), SEEN.incrementAndGet());
    }

    /** One bounce to each address that gets failures (the sender, or a router's errors_to), listing them in Exim's order. */
    private void send(List<Report> reports, List<String> recipients) {
        List<Failure> all = new ArrayList<>();
        reports.forEach(r -> all.addAll(r.failures()));
        List<Failure> ordered = FailureOrder.sort(all, recipients);
        java.util.Map<String, List<FailedAddress>> byRecipient = new java.util.LinkedHashMap<>();
        for (Failure f : ordered) {
            byRecipient.computeIfAbsent(f.bounceTo(), k -> new ArrayList<>()).add(f.address());
        }
        Report first = reports.get(0);
        BounceOptions options = options();
        for (java.util.Map.Entry<String, List<FailedAddress>> e : byRecipient.entrySet()) {
            if (e.getKey().isEmpty()) {
                continue; // errors_to = "" : failures are not reported
            }
            try {
                spool(first, e.getKey(), e.getValue(), options);
            } catch (MessagingException | RuntimeException ex) {
                LOGGER.error("{}: cannot send the bounce to {}", first.messageId(), e.getKey(), ex);
            }
        }
        reports.forEach(r -> r.message().close()); // the copies' temporary files
    }

    private void spool(Report report, String to, List<FailedAddress> failed, BounceOptions options) throws MessagingException {
        ZonedDateTime now = ZonedDateTime.now();
        String id = BounceIds.next(now);
        BounceMessage bounce = new BounceMessage(report.hostname(), runtime.qualifyDomain(), options);
        String boundary = now.toEpochSecond() + "-eximdsn-" + ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE);
        // bounce_sender_authentication: the AUTH= an smtp transport gives for the bounce (Exim's child gets -oMas)
        new GeneratedMessages(getMailetContext(), log).spool(id, List.of(to), out -> bounce.write(out, to, failed,
                report.message(), now, boundary, id, GeneratedMessages.user(), report.dsn()), report.messageId(),
                runtime.mainOption("bounce_sender_authentication").orElse(null));
    }

    /** The bounce_* main options; an unreadable bounce_message_file leaves the built-in texts, as in Exim. */
    private BounceOptions options() {
        List<String> template = null;
        String file = runtime.mainOption("bounce_message_file").orElse(null);
        if (file != null && !file.isBlank()) {
            try {
                template = BounceOptions.sections(java.nio.file.Files.readString(java.nio.file.Path.of(file.strip()),
                        java.nio.charset.StandardCharsets.ISO_8859_1));
            } catch (java.io.IOException e) {
                LOGGER.warn("failed to open bounce_message_file {}: {}", file, e.getMessage());
            }
        }
        long limit = runtime.mainOption("bounce_return_size_limit").or(() -> runtime.mainOption("return_size_limit"))
                .map(v -> org.jexim.transport.Sizes.parse(v.strip())).orElse(BounceOptions.DEFAULT.returnSizeLimit());
        long lineLimit = runtime.mainOption("bounce_return_linesize_limit")
                .map(v -> org.jexim.transport.Sizes.parse(v.strip())).orElse(BounceOptions.DEFAULT.returnLineSizeLimit());
        return new BounceOptions(template, runtime.mainOption("bounce_message_text").map(Bounce::unquote).orElse(null),
                runtime.mainOption("errors_reply_to").orElse(null),
                org.jexim.conf.translate.OptionTexts.bool(runtime.mainOption("bounce_return_body").orElse(null), true),
                limit, lineLimit);
    }

    private static String unquote(String text) {
        String t = text.strip();
        return t.startsWith("\"") ? org.jexim.conf.options.EximStrings.dequote(t, 0).value() : text;
    }

    @Override
    public String getMailetInfo() {
        return "jexim bounce: Exim's delivery failure report";
    }
}
