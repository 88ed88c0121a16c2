package org.jexim.mailets;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * The ORCPT= text of each recipient's RCPT exactly as the client gave it ("rfc822;a+40b", or any
 * other type), which Exim keeps on its spool and repeats in DSNs and to the next hop unchanged;
 * James's own DSN parameters keep only a decoded rfc822 address. One mail attribute, keyed by
 * recipient.
 */
public final class OriginalRecipients {
    public static final AttributeName ATTRIBUTE = AttributeName.of("exim.dsn.orcpt");

    private OriginalRecipients() {
    }

    /** The attribute recording the given ORCPT texts, by recipient address. */
    public static Attribute attribute(Map<String, String> byRecipient) {
        Map<String, AttributeValue<?>> values = new LinkedHashMap<>();
        byRecipient.forEach((r, orcpt) -> values.put(r, AttributeValue.of(orcpt)));
        return new Attribute(ATTRIBUTE, AttributeValue.of(values));
    }

    /** The ORCPT texts the mail records, by recipient address; empty when none. */
    public static Map<String, String> of(Mail mail) {
        Map<String, String> byRecipient = new LinkedHashMap<>();
        mail.getAttribute(ATTRIBUTE).map(a -> a.getValue().value()).filter(Map.class::isInstance)
            .ifPresent(m -> ((Map<?, ?>) m).forEach((r, v) -> {
                if (v instanceof AttributeValue<?> value && value.value() instanceof String s) {
                    byRecipient.put(String.valueOf(r), s);
                }
            }));
        return byRecipient;
    }
}
