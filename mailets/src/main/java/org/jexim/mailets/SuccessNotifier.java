package org.jexim.mailets;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.mail.MessagingException;
import org.apache.mailet.DsnParameters;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.jexim.address.AddressItem;
import org.jexim.bounce.BounceIds;
import org.jexim.bounce.DeliveryAttempts;
import org.jexim.bounce.DsnEnvelope;
import org.jexim.bounce.SuccessDsnMessage;
import org.jexim.matchers.RouterContexts;
import org.jexim.runtime.JeximRuntime;
import org.jexim.transport.DeliveryLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NOTIFY=SUCCESS for addresses a local transport delivered: one "Delivery Status Notification"
 * per delivery attempt to the sender, listing them, as Exim sends it (a remote host that offers
 * DSN gets the request passed on instead).
 */
final class SuccessNotifier {
    private static final Logger LOGGER = LoggerFactory.getLogger("org.jexim.delivery");

    private final JeximRuntime runtime;
    private final DeliveryLog log;
    private final MailetContext context;

    SuccessNotifier(JeximRuntime runtime, DeliveryLog log, MailetContext context) {
        this.runtime = runtime;
        this.log = log;
        this.context = context;
    }

    private record Report(String messageId, String sender, byte[] message, String hostname, DsnEnvelope dsn,
                          List<SuccessDsnMessage.Delivered> delivered) {
    }

    /** The mail's {@code delivered} addresses (local deliveries) that asked for a success DSN get one. */
    void delivered(Mail mail, List<AddressItem> delivered) throws MessagingException {
        String sender = mail.getMaybeSender().asString("");
        MailDsn dsn = MailDsn.of(mail);
        List<SuccessDsnMessage.Delivered> wanted = new ArrayList<>();
        for (AddressItem a : delivered) {
            if (!sender.isEmpty() && dsn.notify(a).map(n -> n.contains(DsnParameters.Notify.SUCCESS)).orElse(false)) {
                wanted.add(new SuccessDsnMessage.Delivered(a.address(), dsn.orcpt(a)));
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        Report report = new Report(RouterContexts.messageId(mail), sender, BouncedCopy.header(mail),
                RouterContexts.of(runtime, mail).lists().primaryHostname(), dsn.envelope(), wanted);
        if (!DeliveryAttempts.process().hold(mail, "success-dsn", report, (held, recipients) -> send(held))) {
            send(List.of(report));
        }
    }

    private void send(List<Report> reports) {
        Report first = reports.get(0);
        List<SuccessDsnMessage.Delivered> all = new ArrayList<>();
        reports.forEach(r -> all.addAll(r.delivered()));
        ZonedDateTime now = ZonedDateTime.now();
        String id = BounceIds.next(now);
        byte[] dsn = new SuccessDsnMessage(first.hostname(), runtime.qualifyDomain()).build(first.sender(), all,
                first.message(), first.dsn(), now,
                now.toEpochSecond() + "-eximdsn-" + ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE), id,
                GeneratedMessages.user());
        try {
            new GeneratedMessages(context, log).spool(id, List.of(first.sender()), dsn, first.messageId(), null);
        } catch (MessagingException | RuntimeException e) {
            LOGGER.error("{}: cannot send the success DSN", first.messageId(), e);
        }
    }
}
