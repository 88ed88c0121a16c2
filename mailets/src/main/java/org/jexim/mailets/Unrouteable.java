package org.jexim.mailets;

import javax.inject.Inject;
import javax.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.jexim.address.AddressAttributes;
import org.jexim.matchers.RouterContexts;
import org.jexim.routing.RouterOutcome;
import org.jexim.transport.DeliveryLog;

/**
 * The end of the routers processor: no router accepted these recipients, so they fail with
 * Exim's "Unrouteable address". Written by the translator as the last pair of {@code routers}:
 * <pre>{@code
 * <mailet match="All" class="org.jexim.mailets.Unrouteable"/>
 * }</pre>
 */
public final class Unrouteable extends GenericMailet {
    private final DeliveryLog log;

    @Inject
    public Unrouteable(DeliveryLog log) {
        this.log = log;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        RecipientGroups groups = new RecipientGroups();
        for (MailAddress recipient : mail.getRecipients()) {
            Outcomes.place(RouterOutcome.fail(AddressAttributes.get(mail, recipient), null), null, groups, log,
                    RouterContexts.messageId(mail));
        }
        groups.apply(mail, getMailetContext());
    }
}
