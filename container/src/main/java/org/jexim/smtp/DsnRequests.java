package org.jexim.smtp;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.MailAddress;
import org.apache.mailet.DsnParameters;
import org.jexim.queue.MessageDsn;

/**
 * RFC 3461's requests of one message as smtp_in.c takes them when DSN was advertised: MAIL's
 * RET= and ENVID=, RCPT's NOTIFY= and ORCPT=, each refused with Exim's 501 text when given twice
 * or with a bad value; then handed to the spooled mail as a {@link MessageDsn}.
 */
final class DsnRequests {
    private Optional<DsnParameters.Ret> ret = Optional.empty();
    private Optional<String> envid = Optional.empty();
    private final Map<String, DsnParameters.RecipientDsnParameters> recipients = new LinkedHashMap<>();
    private final Map<String, String> orcpts = new LinkedHashMap<>();

    /** MAIL's options (rightmost first, as Exim reads them); the 501 text of the first that is wrong. */
    Optional<String> mail(SmtpParameters parameters) {
        ret = Optional.empty();
        envid = Optional.empty();
        recipients.clear();
        orcpts.clear();
        for (SmtpParameters.Option o : parameters.options()) {
            if (o.name().equals("RET") && !o.value().isEmpty()) {
                if (ret.isPresent()) {
                    return Optional.of("RET can be specified once only");
                }
                ret = Optional.of(switch (o.value().toUpperCase(Locale.ROOT)) {
                    case "HDRS" -> DsnParameters.Ret.HDRS;
                    case "FULL" -> DsnParameters.Ret.FULL;
                    default -> null;
                }).filter(r -> r != null);
                if (ret.isEmpty()) {
                    return Optional.of("Value for RET is invalid");
                }
            } else if (o.name().equals("ENVID") && !o.value().isEmpty()) {
                if (envid.isPresent()) {
                    return Optional.of("ENVID can be specified once only");
                }
                envid = Optional.of(o.value());
            }
        }
        return Optional.empty();
    }

    /** RCPT's options for {@code address}; the 501 text of the first that is wrong. */
    Optional<String> rcpt(String address, SmtpParameters parameters) {
        Optional<EnumSet<DsnParameters.Notify>> notify = Optional.empty();
        Optional<String> orcpt = Optional.empty();
        for (SmtpParameters.Option o : parameters.options()) {
            if (o.name().equals("NOTIFY") && !o.value().isEmpty()) {
                if (notify.isPresent()) {
                    return Optional.of("NOTIFY can be specified once only");
                }
                notify = notify(o.value());
                if (notify.isEmpty()) {
                    return Optional.of("Invalid value for NOTIFY parameter");
                }
            } else if (o.name().equals("ORCPT") && !o.value().isEmpty()) {
                if (orcpt.isPresent()) {
                    return Optional.of("ORCPT can be specified once only");
                }
                orcpt = Optional.of(o.value());
            }
        }
        // Exim's spool keeps a recipient's ORCPT only beside NOTIFY flags (spool_out.c writes the
        // bare address when dsn_flags is 0), so without NOTIFY its delivery never sees the ORCPT
        if (notify.isPresent()) {
            orcpt.ifPresent(text -> orcpts.put(address, text));
            DsnParameters.RecipientDsnParameters.of(notify, orcpt.flatMap(DsnRequests::orcptAddress))
                .ifPresent(p -> recipients.put(address, p));
        }
        return Optional.empty();
    }

    /** NEVER alone, or a list of SUCCESS, FAILURE and DELAY (any case); empty when not that. */
    private static Optional<EnumSet<DsnParameters.Notify>> notify(String value) {
        if (value.equalsIgnoreCase("NEVER")) {
            return Optional.of(EnumSet.of(DsnParameters.Notify.NEVER));
        }
        EnumSet<DsnParameters.Notify> set = EnumSet.noneOf(DsnParameters.Notify.class);
        for (String item : value.split(",", -1)) {
            switch (item.toUpperCase(Locale.ROOT)) {
                case "SUCCESS" -> set.add(DsnParameters.Notify.SUCCESS);
                case "FAILURE" -> set.add(DsnParameters.Notify.FAILURE);
                case "DELAY" -> set.add(DsnParameters.Notify.DELAY);
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(set);
    }

    /** An rfc822 ORCPT's address (xtext decoded), which James's model keeps; other types are not kept. */
    private static Optional<MailAddress> orcptAddress(String value) {
        if (!value.regionMatches(true, 0, "rfc822;", 0, 7)) {
            return Optional.empty();
        }
        return org.jexim.conf.text.XText.decode(value.substring(7)).map(a -> {
            try {
                return new MailAddress(a);
            } catch (javax.mail.internet.AddressException e) {
                return null;
            }
        });
    }

    /** What the message's mail carries. */
    MessageDsn message() {
        return new MessageDsn(parameters(), Map.copyOf(orcpts));
    }

    private Optional<DsnParameters> parameters() {
        Map<MailAddress, DsnParameters.RecipientDsnParameters> rcpts = new LinkedHashMap<>();
        recipients.forEach((address, p) -> {
            try {
                rcpts.put(new MailAddress(address), p);
            } catch (javax.mail.internet.AddressException e) {
                // not an address James can key: its requests cannot travel with the mail
            }
        });
        return DsnParameters.of(envid.map(DsnParameters.EnvId::of), ret, com.google.common.collect.ImmutableMap.copyOf(rcpts));
    }

    void clear() {
        ret = Optional.empty();
        envid = Optional.empty();
        recipients.clear();
        orcpts.clear();
    }
}
