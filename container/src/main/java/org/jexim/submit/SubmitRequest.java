package org.jexim.submit;

import java.util.List;
import java.util.Optional;

/**
 * What the sendmail-style command line asks of one local submission (spec 5, "The Exim command
 * line"): -t, -i, -f, -F, -od*, -oe*, -N, -oM* and the recipients.
 *
 * @param sender -f's value as given (may be empty for {@code <>}), or empty when -f was not used
 * @param fullName -F's value, or empty
 * @param oMa .. the -oM* values a trusted caller may give; ignored for untrusted callers
 * @param session the -bs session the message came in, if it did
 */
public record SubmitRequest(List<String> recipients, boolean extractRecipients, boolean dotEndsMessage,
                            Optional<String> sender, Optional<String> fullName, DeliveryMode deliveryMode,
                            ErrorMode errorMode, boolean dontDeliver, Optional<String> hostAddress,
                            Optional<String> hostName, Optional<String> protocol, Optional<String> ident,
                            Optional<String> authenticatedId, Optional<String> authenticatedSender,
                            Optional<LocalSmtp> session) {

    /**
     * A -bs session: its HELO name ($sender_helo_name, Received's helo=, -H's helo_name), its
     * protocol (local-smtp, local-esmtp, local-esmtpa ...), which -oMr of a trusted caller overrides,
     * what the ACLs' control = freeze / queue asked of the message, and its DSN requests.
     */
    public record LocalSmtp(Optional<String> helo, String protocol, boolean freeze, boolean queue,
                            org.jexim.queue.MessageDsn dsn) {
    }

    /** A submission from the command line, not over -bs. */
    public SubmitRequest(List<String> recipients, boolean extractRecipients, boolean dotEndsMessage,
                         Optional<String> sender, Optional<String> fullName, DeliveryMode deliveryMode,
                         ErrorMode errorMode, boolean dontDeliver, Optional<String> hostAddress,
                         Optional<String> hostName, Optional<String> protocol, Optional<String> ident,
                         Optional<String> authenticatedId, Optional<String> authenticatedSender) {
        this(recipients, extractRecipients, dotEndsMessage, sender, fullName, deliveryMode, errorMode, dontDeliver,
            hostAddress, hostName, protocol, ident, authenticatedId, authenticatedSender, Optional.empty());
    }

    /** -odq, -odi, -odb, -odf (or none: the configure decides, which means "deliver now"). */
    public enum DeliveryMode { DEFAULT, QUEUE, INTERACTIVE, BACKGROUND }

    /** -oem/-oew (mail the error to the sender), -oee (the same, exit 0), -oep/-oeq (stderr). */
    public enum ErrorMode { MAIL, MAIL_EXIT_ZERO, STDERR }
}
