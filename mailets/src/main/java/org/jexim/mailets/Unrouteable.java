package org.jexim.mailets;

import javax.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.jexim.address.AddressAttributes;
import org.jexim.routing.RouterOutcome;

/**
 * The end of the routers processor: no router accepted these recipients, so they fail with
 * Exim's "Unrouteable address". Written by the translator as the last pair of {@code routers}:
 * <pre>{@code
 * <mailet match="All" class="org.jexim.mailets.Unrouteable"/>
 * }</pre>
 */
public final class Unrouteable extends GenericMailet {
    @Override
    public void service(Mail mail) throws MessagingException {
        RecipientGroups groups = new RecipientGroups();
        for (MailAddress recipient : mail.getRecipients()) {
            Outcomes.place(RouterOutcome.fail(AddressAttributes.get(mail, recipient), null), groups);
        }
        groups.apply(mail, getMailetContext());
    }
}
