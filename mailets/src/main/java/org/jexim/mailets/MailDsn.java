package org.jexim.mailets;

import java.util.EnumSet;
import java.util.Optional;
import org.apache.james.core.MailAddress;
import org.apache.mailet.DsnParameters;
import org.apache.mailet.Mail;
import org.jexim.address.AddressItem;
import org.jexim.bounce.DsnEnvelope;
import org.jexim.transport.DeliveryLog;

/**
 * The DSN requests of a message (RFC 3461: MAIL RET= and ENVID=, RCPT NOTIFY= and ORCPT=, kept
 * with the mail as James's {@link DsnParameters}), read for one address through its top-level
 * address, which is the one the client named.
 */
final class MailDsn {
    /** Exim's order of the NOTIFY keywords when it passes them on. */
    private static final DsnParameters.Notify[] ORDER = {DsnParameters.Notify.NEVER, DsnParameters.Notify.SUCCESS,
        DsnParameters.Notify.FAILURE, DsnParameters.Notify.DELAY};

    private final Optional<DsnParameters> parameters;
    private final java.util.Map<String, String> orcpts;

    private MailDsn(Optional<DsnParameters> parameters, java.util.Map<String, String> orcpts) {
        this.parameters = parameters;
        this.orcpts = orcpts;
    }

    static MailDsn of(Mail mail) {
        return new MailDsn(mail.dsnParameters(), OriginalRecipients.of(mail));
    }

    /** RET and ENVID of the message, for the bounce and warning DSN parts. */
    DsnEnvelope envelope() {
        return new DsnEnvelope(parameters.flatMap(DsnParameters::getEnvIdParameter).map(DsnParameters.EnvId::asString)
                .orElse(null), parameters.flatMap(DsnParameters::getRetParameter).map(Enum::name).orElse(null));
    }

    private Optional<DsnParameters.RecipientDsnParameters> of(AddressItem address) {
        AddressItem top = DeliveryLog.original(address);
        try {
            MailAddress key = new MailAddress(top.address());
            return parameters.map(p -> p.getRcptParameters().get(key));
        } catch (javax.mail.internet.AddressException e) {
            return Optional.empty();
        }
    }

    /** The NOTIFY keywords asked for the address; empty when the client gave none. */
    Optional<EnumSet<DsnParameters.Notify>> notify(AddressItem address) {
        return of(address).flatMap(DsnParameters.RecipientDsnParameters::getNotifyParameter);
    }

    /** Whether the sender wants to hear of this kind of event for the address (no NOTIFY: failures and delays only). */
    boolean wants(AddressItem address, DsnParameters.Notify kind) {
        return notify(address).map(n -> n.contains(kind)).orElse(kind != DsnParameters.Notify.SUCCESS);
    }

    /**
     * The ORCPT as DSN parts show it and the smtp transport passes it on: as the client gave it, or
     * "rfc822;address" from James's parameters of a mail that came another way; null when none.
     */
    String orcpt(AddressItem address) {
        String given = orcpts.get(DeliveryLog.original(address).address());
        if (given != null) {
            return given;
        }
        return of(address).flatMap(DsnParameters.RecipientDsnParameters::getOrcptParameter)
                .map(a -> DsnParameters.RFC_822_PREFIX + org.jexim.conf.text.XText.encode(a.asString())).orElse(null);
    }

    /** NOTIFY=... as the smtp transport passes it on, in Exim's keyword order; empty for none. */
    String notifyParameter(AddressItem address) {
        return notify(address).map(n -> {
            StringBuilder sb = new StringBuilder();
            for (DsnParameters.Notify k : ORDER) {
                if (n.contains(k)) {
                    sb.append(sb.length() == 0 ? "" : ",").append(k.name());
                }
            }
            return sb.toString();
        }).orElse("");
    }
}
