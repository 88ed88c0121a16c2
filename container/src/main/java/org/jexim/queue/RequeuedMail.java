package org.jexim.queue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.PerRecipientHeaders;

/**
 * Joins the waiting parts of a delivery attempt into the one mail that goes back on the spool
 * under the message's id: every waiting recipient, the first part's envelope and state, the
 * attributes of all parts (map attributes, such as the per-address routing state, merged key by
 * key), and the earliest retry time.
 */
final class RequeuedMail {
    private RequeuedMail() {
    }

    /**
     * @param name the spool entry's mail name
     * @param fromSpool the entry's mail as read from the spool, whose message is used unless a
     *                  part carries a changed one
     */
    static MailImpl of(String name, List<WaitingPart> parts, MailImpl fromSpool) throws MessagingException {
        WaitingPart first = parts.get(0);
        MailImpl base = first.envelope();
        Set<MailAddress> recipients = new LinkedHashSet<>();
        Map<AttributeName, Attribute> attributes = new LinkedHashMap<>();
        PerRecipientHeaders headers = new PerRecipientHeaders();
        for (WaitingPart part : parts) {
            recipients.addAll(part.envelope().getRecipients());
            Set<String> own = new LinkedHashSet<>();
            part.envelope().getRecipients().forEach(r -> own.add(r.asString()));
            part.envelope().attributes().forEach(a -> attributes.merge(a.getName(), a, (e, l) -> join(e, l, own)));
            headers.addAll(part.envelope().getPerRecipientSpecificHeaders());
        }
        MailImpl mail = MailImpl.builder().name(name)
            .sender(base.getMaybeSender())
            .addRecipients(List.copyOf(recipients))
            .state(base.getState())
            .errorMessage(base.getErrorMessage())
            .lastUpdated(base.getLastUpdated())
            .remoteAddr(base.getRemoteAddr())
            .remoteHost(base.getRemoteHost())
            .addAttributes(attributes.values())
            .addAllHeadersForRecipients(headers)
            .build();
        Optional<org.apache.james.server.core.MimeMessageWrapper> changed = parts.stream()
            .flatMap(p -> p.message().stream()).findFirst();
        if (changed.isPresent()) {
            mail.setMessageNoCopy(changed.get());
        } else {
            mail.setMessageNoCopy((org.apache.james.server.core.MimeMessageWrapper) fromSpool.getMessage());
        }
        return mail;
    }

    /** The earliest retry time of the parts; none when one of them is due now. */
    static Optional<Instant> deliverAt(List<WaitingPart> parts) {
        Instant earliest = null;
        for (WaitingPart part : parts) {
            if (part.deliverAt().isEmpty()) {
                return Optional.empty();
            }
            Instant at = part.deliverAt().get();
            earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
        }
        return Optional.ofNullable(earliest);
    }

    /**
     * Per-address maps are joined; for a key that is one of the later part's own recipients the
     * later part's value wins (the earlier part holds a copy older than the split).
     */
    private static Attribute join(Attribute earlier, Attribute later, Set<String> laterRecipients) {
        if (earlier.getValue().value() instanceof Map<?, ?> a && later.getValue().value() instanceof Map<?, ?> b) {
            Map<String, AttributeValue<?>> joined = new LinkedHashMap<>();
            a.forEach((k, v) -> joined.put(String.valueOf(k), (AttributeValue<?>) v));
            b.forEach((k, v) -> {
                if (laterRecipients.contains(String.valueOf(k)) || !joined.containsKey(String.valueOf(k))) {
                    joined.put(String.valueOf(k), (AttributeValue<?>) v);
                }
            });
            return new Attribute(earlier.getName(), AttributeValue.of(joined));
        }
        return earlier;
    }
}
