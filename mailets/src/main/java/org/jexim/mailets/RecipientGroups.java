package org.jexim.mailets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.jexim.address.AddressAttributes;
import org.jexim.address.AddressItem;

/**
 * Sends the recipients of one mail on to different processors, each with its own routing
 * state: recipients left here stay in the current processor; when every recipient goes to
 * one place the mail itself moves, otherwise a copy per place is sent, which keeps the
 * message's id (Exim delivers all recipients of a message in one attempt).
 */
final class RecipientGroups {
    /**
     * Marks a copy as a part of the message's delivery attempt: the spool queue runs it at once
     * under the message's id (org.jexim.queue.SpoolMailQueue.SPLIT).
     */
    static final Attribute SPLIT = new Attribute(AttributeName.of("exim.split"), AttributeValue.of(true));
    private final Map<String, List<AddressItem>> groups = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<AddressItem> staying = new ArrayList<>();

    void stay(AddressItem item) {
        staying.add(item);
    }

    /** Adds an address to the group of a state; the same address twice in one group is delivered once, as in Exim. */
    void send(String state, AddressItem item) {
        List<AddressItem> group = groups.computeIfAbsent(state, s -> new ArrayList<>());
        if (group.stream().noneMatch(a -> a.address().equalsIgnoreCase(item.address()))) {
            group.add(item);
        }
    }

    /** Remembers the error text of a failed or deferred group (the bounce or log message). */
    void error(String state, String message) {
        if (message != null) {
            errors.putIfAbsent(state, message);
        }
    }

    /** Applies the grouping to {@code mail} (whose recipients must be the ones grouped). */
    void apply(Mail mail, MailetContext context) throws MessagingException {
        if (groups.isEmpty()) {
            if (staying.isEmpty()) {
                mail.setState(Mail.GHOST);
            } else {
                setRecipients(mail, staying); // also records state a router left on them (pass_router)
            }
            return;
        }
        List<Map.Entry<String, List<AddressItem>>> entries = new ArrayList<>(groups.entrySet());
        Map.Entry<String, List<AddressItem>> inPlace = staying.isEmpty() ? entries.remove(entries.size() - 1) : null;
        for (Map.Entry<String, List<AddressItem>> e : entries) {
            Mail copy = mail.duplicate();
            copy.setAttribute(SPLIT);
            setRecipients(copy, e.getValue());
            errorMessage(copy, e.getKey());
            // the copy belongs to this delivery attempt: its failures go in the attempt's one bounce
            org.jexim.bounce.DeliveryAttempts attempts = org.jexim.bounce.DeliveryAttempts.process();
            attempts.copied(copy);
            try {
                context.sendMail(copy, e.getKey());
            } catch (MessagingException | RuntimeException ex) {
                org.jexim.bounce.DeliveryAttempts.key(copy).ifPresent(attempts::ended);
                throw ex;
            }
        }
        if (inPlace == null) {
            setRecipients(mail, staying);
        } else {
            setRecipients(mail, inPlace.getValue());
            errorMessage(mail, inPlace.getKey());
            mail.setState(inPlace.getKey());
        }
    }

    private void errorMessage(Mail mail, String state) {
        if (errors.containsKey(state)) {
            mail.setErrorMessage(errors.get(state));
        }
    }

    private static void setRecipients(Mail mail, List<AddressItem> items) throws MessagingException {
        List<MailAddress> recipients = new ArrayList<>();
        for (AddressItem item : items) {
            try {
                recipients.add(new MailAddress(item.address()));
            } catch (javax.mail.internet.AddressException e) {
                throw new MessagingException("bad address " + item.address(), e);
            }
        }
        mail.setRecipients(recipients);
        for (int i = 0; i < items.size(); i++) {
            AddressAttributes.put(mail, recipients.get(i), items.get(i));
        }
    }
}
