package org.jexim.mailets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.jexim.address.AddressAttributes;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.filter.FilterAddress;
import org.jexim.filter.FilterInterpreter;
import org.jexim.filter.FilterMessage;
import org.jexim.filter.FilterPermissions;
import org.jexim.filter.FilterResult;
import org.jexim.filter.FilterSetup;
import org.jexim.matchers.RouterContexts;
import org.jexim.routing.RouterOutcome;
import org.jexim.routing.SystemFilterDeliveries;
import org.jexim.runtime.JeximRuntime;
import org.jexim.transport.DeliveryLog;

/**
 * Exim's system_filter: run on every delivery attempt before routing (first_delivery true only on
 * the first), with $recipients, on the whole message. Its headers add/remove change the message; its deliveries go through the
 * system_filter_*_transport options; "fail" bounces every recipient with the filter's text,
 * "freeze" leaves the message frozen on the spool, "defer" (or an error in the filter) sends the
 * recipients to the defer processor, which requeues them by the retry rules, and a
 * significant delivery (or "seen finish") drops the original recipients - with Exim's log lines.
 * system_filter_user/_group are the owner of its pipe, file and reply deliveries (when jexim runs
 * as root and their transport sets no user). The translator writes
 * it first in the root processor when the configure sets system_filter:
 * <pre>{@code
 * <processor state="root">
 *   <mailet match="All" class="org.jexim.mailets.SystemFilter"/>
 *   <mailet match="All" class="ToProcessor"><processor>routers</processor></mailet>
 * </processor>
 * }</pre>
 */
public final class SystemFilter extends GenericMailet {
    private static final AttributeName FROZEN = AttributeName.of("exim.spool.frozen");
    private static final AttributeName MANUAL_THAW = AttributeName.of("exim.spool.manual_thaw");
    private static final List<String> TRANSPORTS = List.of("system_filter_pipe_transport",
            "system_filter_file_transport", "system_filter_reply_transport", "system_filter_directory_transport");

    private final MailQueueFactory<?> queues;
    private final JeximRuntime runtime;
    private final DeliveryLog log;
    private MailQueue spool;
    private String file;
    private final Map<String, String> transports = new HashMap<>();

    @Inject
    public SystemFilter(MailQueueFactory<?> queues, JeximRuntime runtime, DeliveryLog log) {
        this.queues = queues;
        this.runtime = runtime;
        this.log = log;
    }

    @Override
    public void init() {
        spool = queues.createQueue(MailQueueFactory.SPOOL);
        file = runtime.mainOption("system_filter").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        for (String t : TRANSPORTS) {
            runtime.mainOption(t).ifPresent(v -> transports.put(t, v));
        }
    }

    @Override
    public String getMailetInfo() {
        return "jexim system_filter";
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (file == null || mail.getRecipients().isEmpty()) {
            return;
        }
        String id = RouterContexts.messageId(mail);
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            // Exim: the delivery is abandoned and the message stays on the spool
            log.message(id, "Error in system filter: failed to open filter file \"" + file + "\": " + e.getMessage());
            retryLater(mail);
            return;
        }
        RoutingContext context = RouterContexts.of(runtime, mail);
        List<String> recipients = new ArrayList<>();
        mail.getRecipients().forEach(r -> recipients.add(r.asString()));
        AddressItem parent = new AddressItem("system-filter", runtime.qualifyRecipient().toLowerCase(java.util.Locale.ROOT),
                null, Map.of("recipients", String.join(", ", recipients),
                        "recipients_count", Integer.toString(recipients.size()), DeliveryLog.LOG_AS, "system-filter"));
        ExpansionContext base = context.variablesFor(parent);
        FilterMessage message = message(context, base);
        boolean thawed = flag(mail, MANUAL_THAW);
        FilterResult result = FilterInterpreter.run(text, new FilterSetup(base, FilterPermissions.systemFilter(), null,
                RouterContexts.firstDelivery(mail), thawed), message, new FilterAddress("system-filter", parent.domain(), null, null, null), null);
        if (result.outcome() == FilterResult.Outcome.ERROR) {
            log.message(id, "Error in system filter: " + result.message());
            retryLater(mail);
            return;
        }
        applyHeaders(mail, message.headerLines(), result.finalMessage().headerLines());
        String why = result.message() == null || result.message().isEmpty() ? null : result.message();
        RecipientGroups groups = new RecipientGroups();
        List<AddressItem> children = SystemFilterDeliveries.children(result.actions(), parent, context, transports)
                .stream().map(this::asFilterUser).toList();
        if (!children.isEmpty()) {
            Outcomes.place(RouterOutcome.redirect(parent, children), null, groups, log, id);
        }
        FilterResult.Outcome outcome = result.outcome();
        if (outcome == FilterResult.Outcome.FREEZE && thawed) {
            outcome = FilterResult.Outcome.NOT_DELIVERED; // a manually thawed message is not frozen again
        }
        switch (outcome) {
            case FAIL -> {
                log.message(id, "cancelled by system filter" + (why == null ? "" : ": " + logPart(why)));
                if (!mail.getMaybeSender().isNullSender()) {
                    String bounceText = why == null ? "delivery cancelled" : bouncePart(why);
                    for (MailAddress r : mail.getRecipients()) {
                        groups.send(Outcomes.BOUNCE, AddressAttributes.get(mail, r).with(Outcomes.MESSAGE, bounceText));
                    }
                    groups.error(Outcomes.BOUNCE, bounceText);
                }
                groups.apply(mail, getMailetContext());
            }
            case DELIVERED -> {
                log.message(id, children.isEmpty() ? "=> discarded (system filter)"
                        : "original recipients ignored (system filter)");
                groups.apply(mail, getMailetContext());
            }
            case FREEZE, DEFER -> {
                if (outcome == FilterResult.Outcome.FREEZE) {
                    mail.getRecipients().forEach(r -> groups.stay(AddressAttributes.get(mail, r)));
                    groups.apply(mail, getMailetContext());
                    mail.setAttribute(new Attribute(FROZEN, AttributeValue.of(Long.toString(Instant.now().getEpochSecond()))));
                    String info = " by the system filter" + (why == null ? "" : ": " + why);
                    new FreezeTeller(runtime, log).tell(mail, info, mail.getRecipients().stream()
                            .map(r -> new org.jexim.bounce.FreezeTellMessage.Waiting(r.asString(), null, null)).toList(),
                            getMailetContext());
                    log.message(id, "Frozen" + info);
                    requeue(mail, java.time.Duration.ZERO);
                } else {
                    log.message(id, "Delivery deferred by system filter");
                    mail.getRecipients().forEach(r -> groups.send(Outcomes.DEFER, wholeMessage(mail, r)));
                    groups.apply(mail, getMailetContext());
                }
            }
            default -> {
                mail.getRecipients().forEach(r -> groups.stay(AddressAttributes.get(mail, r)));
                groups.apply(mail, getMailetContext());
            }
        }
    }

    /** Pipes, files and replies of the filter run as system_filter_user/_group when they are set (deliver.c). */
    private AddressItem asFilterUser(AddressItem child) {
        AddressItem c = child;
        if (RouterOutcome.isPipeOrFile(c)) {
            String user = runtime.mainOption("system_filter_user").map(String::strip).orElse(null);
            String group = runtime.mainOption("system_filter_group").map(String::strip).orElse(null);
            if (user != null) {
                c = c.with(RouterOutcome.USER, user);
            }
            if (group != null) {
                c = c.with(RouterOutcome.GROUP, group);
            }
        }
        return c;
    }

    /**
     * The delivery attempt is abandoned (an error in the filter): the recipients wait for their
     * next retry time, by the retry rules, and the next attempt starts again at the filter.
     */
    private void retryLater(Mail mail) throws MessagingException {
        RecipientGroups groups = new RecipientGroups();
        mail.getRecipients().forEach(r -> groups.send(Outcomes.DEFER, wholeMessage(mail, r)));
        groups.apply(mail, getMailetContext());
    }

    private static AddressItem wholeMessage(Mail mail, MailAddress recipient) {
        return AddressAttributes.get(mail, recipient).with(Defer.WHOLE_MESSAGE, "yes");
    }

    /** Back on the spool, to start again at the system filter (a frozen one waits for -Mt or -qff). */
    private void requeue(Mail mail, java.time.Duration delay) throws MessagingException {
        mail.setState("root");
        spool.enQueue(mail, delay);
        mail.setState(Mail.GHOST);
    }

    /** "<<log text>>bounce text": the part between << and >> goes to the log, the rest to the bounce. */
    private static String logPart(String why) {
        int end = why.indexOf(">>");
        return why.startsWith("<<") && end > 0 ? why.substring(2, end) : why;
    }

    private static String bouncePart(String why) {
        int end = why.indexOf(">>");
        if (why.startsWith("<<") && end > 0) {
            String rest = why.substring(end + 2);
            return rest.isEmpty() ? "delivery cancelled" : rest;
        }
        return why;
    }

    private static FilterMessage message(RoutingContext context, ExpansionContext base) {
        String sender = base.variable("sender_address").orElse("");
        List<String> headers = context.message().map(m -> m.headerLines()).orElse(List.of());
        String body = context.message().map(m -> m.body()).orElse("");
        long headerSize = headers.stream().mapToLong(String::length).sum() + 1;
        return new FilterMessage(headers, body, sender, sender, base.variable("message_id").orElse(""), headerSize);
    }

    /** headers add/remove: the message's header section becomes the filter's, before routing. */
    private static void applyHeaders(Mail mail, List<String> before, List<String> after) throws MessagingException {
        if (before.equals(after)) {
            return;
        }
        MimeMessage m = mail.getMessage();
        for (String line : Collections.list(m.getAllHeaderLines())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                m.removeHeader(line.substring(0, colon).strip());
            }
        }
        for (String line : after) {
            String l = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
            m.addHeaderLine(l.replace("\r\n", "\n").replace("\n", "\r\n"));
        }
    }

    private static boolean flag(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(a -> !Boolean.FALSE.equals(a.getValue().value())).orElse(false);
    }
}
