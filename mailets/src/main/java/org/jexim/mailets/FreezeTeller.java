package org.jexim.mailets;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.jexim.bounce.BounceIds;
import org.jexim.bounce.FreezeTellMessage;
import org.jexim.matchers.RouterContexts;
import org.jexim.runtime.JeximRuntime;
import org.jexim.transport.DeliveryLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * freeze_tell: when delivery freezes a message (the system filter's freeze, a transport's
 * freeze_exec_fail), the addresses of the option get Exim's "Message frozen" mail, logged before
 * the "Frozen" line. Messages with the null sender are not told about, as Exim skips the error
 * messages it made itself.
 */
final class FreezeTeller {
    private static final Logger LOGGER = LoggerFactory.getLogger("org.jexim.delivery");

    private final JeximRuntime runtime;
    private final DeliveryLog log;

    FreezeTeller(JeximRuntime runtime, DeliveryLog log) {
        this.runtime = runtime;
        this.log = log;
    }

    /** Tells freeze_tell, if set, that {@code mail} is frozen ({@code info} as the Frozen line has it). */
    void tell(Mail mail, String info, List<FreezeTellMessage.Waiting> waiting, MailetContext context) {
        String to = runtime.mainOption("freeze_tell").map(String::strip).orElse("");
        if (to.isEmpty() || mail.getMaybeSender().isNullSender()) {
            return;
        }
        List<String> recipients = new ArrayList<>();
        for (String item : to.split(",")) {
            String a = item.strip();
            int lt = a.lastIndexOf('<');
            a = lt >= 0 && a.endsWith(">") ? a.substring(lt + 1, a.length() - 1) : a;
            if (!a.isEmpty()) {
                recipients.add(a.indexOf('@') < 0 ? a + "@" + runtime.qualifyRecipient() : a);
            }
        }
        try {
            ZonedDateTime now = ZonedDateTime.now();
            String id = BounceIds.next(now);
            byte[] message = new FreezeTellMessage(RouterContexts.of(runtime, mail).lists().primaryHostname(),
                    runtime.qualifyDomain(), runtime.mainOption("errors_reply_to").orElse(null))
                    .build(to, recipients, RouterContexts.messageId(mail), info, mail.getMaybeSender().asString(""),
                            waiting, BouncedCopy.header(mail), now, id, GeneratedMessages.user());
            new GeneratedMessages(context, log).spool(id, recipients, message, RouterContexts.messageId(mail), null);
        } catch (MessagingException | RuntimeException e) {
            LOGGER.error("{}: cannot send the freeze_tell message", RouterContexts.messageId(mail), e);
        }
    }
}
