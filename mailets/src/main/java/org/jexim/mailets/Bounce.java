package org.jexim.mailets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.jexim.address.AddressAttributes;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.bounce.BounceIds;
import org.jexim.bounce.BounceMessage;
import org.jexim.bounce.BounceOptions;
import org.jexim.bounce.FailedAddress;
import org.jexim.matchers.RouterContexts;
import org.jexim.runtime.JeximRuntime;
import org.jexim.transport.DeliveryLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed addresses: Exim's bounce message goes to the sender from {@code <>} and through the
 * routers like any message; a failed bounce is never bounced again (Exim freezes it, jexim
 * drops it with a warning). Written by the translator as the processor {@code bounce}:
 * <pre>{@code
 * <processor state="bounce"><mailet match="All" class="org.jexim.mailets.Bounce"/></processor>
 * }</pre>
 */
public final class Bounce extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger("org.jexim.delivery");

    private final JeximRuntime runtime;

    @Inject
    public Bounce(JeximRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        mail.setState(Mail.GHOST);
        if (mail.getMaybeSender().isNullSender()) {
            LOGGER.warn("{}: a bounce message failed ({}); not bounced again", RouterContexts.messageId(mail),
                    mail.getRecipients());
            return;
        }
        // errors_to of a router sends the failures of its addresses to that address instead
        java.util.Map<String, List<FailedAddress>> byRecipient = new java.util.LinkedHashMap<>();
        for (MailAddress recipient : mail.getRecipients()) {
            AddressItem item = AddressAttributes.get(mail, recipient);
            AddressItem top = DeliveryLog.original(item);
            boolean ultimately = item.parent().flatMap(AddressItem::parent).isPresent();
            String to = item.variables().getOrDefault(org.jexim.routing.RouterOutcome.ERRORS_TO,
                    mail.getMaybeSender().asString());
            byRecipient.computeIfAbsent(to, k -> new ArrayList<>()).add(new FailedAddress(item.address(),
                    top == item ? null : top.address(), ultimately,
                    item.variables().get(Outcomes.MESSAGE), item.variables().get(Outcomes.OUTPUT),
                    item.variables().get(Outcomes.REMOTE_MTA), item.variables().get(Outcomes.DIAGNOSTIC)));
        }
        RoutingContext context = RouterContexts.of(runtime, mail);
        String host = context.lists().primaryHostname();
        for (java.util.Map.Entry<String, List<FailedAddress>> e : byRecipient.entrySet()) {
            if (e.getKey().isEmpty()) {
                continue; // errors_to = "" : failures are not reported
            }
            ZonedDateTime now = ZonedDateTime.now();
            byte[] bounce = new BounceMessage(host, runtime.qualifyDomain(), options()).build(e.getKey(), e.getValue(), bytes(mail),
                    now, now.toEpochSecond() + "-eximdsn-" + ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE),
                    BounceIds.next(now), System.getProperty("user.name"));
            MimeMessage message = new MimeMessage(Session.getDefaultInstance(new java.util.Properties()),
                    new ByteArrayInputStream(crlf(bounce)));
            getMailetContext().sendMail(null, List.of(new MailAddress(e.getKey())), message);
        }
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

    private static byte[] bytes(Mail mail) throws MessagingException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mail.getMessage().writeTo(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new MessagingException("cannot read message " + mail.getName(), e);
        }
    }

    private static byte[] crlf(byte[] lf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lf.length + lf.length / 40);
        for (byte b : lf) {
            if (b == '\n') {
                out.write('\r');
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    @Override
    public String getMailetInfo() {
        return "jexim bounce: Exim's delivery failure report";
    }
}
