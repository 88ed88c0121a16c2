package org.jexim.mailets;

import java.time.Instant;
import java.util.Optional;
import javax.inject.Inject;
import javax.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.jexim.address.AddressAttributes;
import org.jexim.address.AddressItem;
import org.jexim.matchers.RouterContexts;
import org.jexim.runtime.JeximRuntime;
import org.jexim.transport.DeliveryLog;
import org.jexim.transport.DeliveryResult;

/**
 * Exim's routing retry check (deliver.c): in a queue run that is not forced, an address whose
 * domain or address retry record ({@code R:domain}, {@code R:local@domain}, with {@code :<sender>}
 * after a RCPT 4xx) has a next try still to come is not routed but deferred, logged
 * {@code == addr routing defer (-52): retry time not reached}. Written by the translator as the
 * first mailet of the routers processor:
 * <pre>{@code
 * <mailet match="All" class="org.jexim.mailets.RoutingRetry"/>
 * }</pre>
 */
public final class RoutingRetry extends GenericMailet {
    /** Exim's ERRNO_RRETRY and its text. */
    static final DeliveryResult NOT_DUE = DeliveryResult.defer("retry time not reached").withErrno(-52);

    private final JeximRuntime runtime;
    private final DeliveryLog log;
    private RetryRecords records;

    @Inject
    public RoutingRetry(JeximRuntime runtime, DeliveryLog log) {
        this.runtime = runtime;
        this.log = log;
    }

    @Override
    public void init() {
        records = new RetryRecords(runtime);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (!RetryRecords.checked(mail)) {
            return;
        }
        Instant now = Instant.now();
        String sender = mail.getMaybeSender().asString("");
        RecipientGroups groups = new RecipientGroups();
        for (MailAddress recipient : mail.getRecipients()) {
            AddressItem item = AddressAttributes.get(mail, recipient);
            Optional<Instant> next = records.notDue(RetryRecords.routingKeys(item, sender), now);
            if (next.isEmpty()) {
                groups.stay(item);
                continue;
            }
            log.deferred(RouterContexts.messageId(mail), item, null, null, NOT_DUE);
            groups.send(Outcomes.DEFER, item.with(Outcomes.MESSAGE, NOT_DUE.message())
                    .with(RetryRecords.WAIT, Long.toString(next.get().getEpochSecond())));
            groups.error(Outcomes.DEFER, item.address() + ": " + NOT_DUE.message());
        }
        groups.apply(mail, getMailetContext());
    }
}
