package org.jexim.log;

import java.util.List;
import java.util.Optional;

/**
 * What Exim's {@code <=} line says about a message received: sender, origin, protocol, size,
 * Message-ID, and the optional items of log_selector.
 *
 * @param sender the envelope sender, empty for a bounce (logged as {@code <>})
 * @param bounceOf for a locally generated bounce, the id of the message that caused it (R=)
 * @param user the caller's login for local messages, shown as U= (for SMTP, the peer's ident is used)
 * @param authenticator the A= value: authenticator name, then ":id" when one was set
 * @param messageId the Message-ID header's value without its angle brackets
 */
public record Arrival(String id, String sender, Optional<String> bounceOf, Optional<SmtpPeer> peer,
                      Optional<String> user, String protocol, Optional<String> tlsCipher,
                      Optional<Boolean> certificateVerified, Optional<String> authenticator, long size,
                      Optional<String> messageId, Optional<String> subject, List<String> recipients) {

    public static Arrival local(String id, String sender, String user, String protocol, long size) {
        return new Arrival(id, sender, Optional.empty(), Optional.empty(), Optional.of(user), protocol,
            Optional.empty(), Optional.empty(), Optional.empty(), size, Optional.empty(), Optional.empty(), List.of());
    }

    public static Arrival smtp(String id, String sender, SmtpPeer peer, String protocol, long size) {
        return new Arrival(id, sender, Optional.empty(), Optional.of(peer), peer.ident(), protocol,
            Optional.empty(), Optional.empty(), Optional.empty(), size, Optional.empty(), Optional.empty(), List.of());
    }

    public Arrival withMessageId(String value) {
        return new Arrival(id, sender, bounceOf, peer, user, protocol, tlsCipher, certificateVerified, authenticator,
            size, Optional.ofNullable(value).map(Arrival::stripBrackets), subject, recipients);
    }

    public Arrival withSubject(String value) {
        return new Arrival(id, sender, bounceOf, peer, user, protocol, tlsCipher, certificateVerified, authenticator,
            size, messageId, Optional.ofNullable(value), recipients);
    }

    public Arrival withRecipients(List<String> value) {
        return new Arrival(id, sender, bounceOf, peer, user, protocol, tlsCipher, certificateVerified, authenticator,
            size, messageId, subject, List.copyOf(value));
    }

    public Arrival withTls(String cipher, boolean verified) {
        return new Arrival(id, sender, bounceOf, peer, user, protocol, Optional.ofNullable(cipher),
            Optional.of(verified), authenticator, size, messageId, subject, recipients);
    }

    public Arrival withAuthenticator(String value) {
        return new Arrival(id, sender, bounceOf, peer, user, protocol, tlsCipher, certificateVerified,
            Optional.ofNullable(value), size, messageId, subject, recipients);
    }

    public Arrival withBounceOf(String causeId) {
        return new Arrival(id, sender, Optional.ofNullable(causeId), peer, user, protocol, tlsCipher,
            certificateVerified, authenticator, size, messageId, subject, recipients);
    }

    private static String stripBrackets(String v) {
        String t = v.trim();
        return t.startsWith("<") && t.endsWith(">") ? t.substring(1, t.length() - 1) : t;
    }

    /** The line after the message id: {@code <= sender H=... U=... P=... S=... id=...}. */
    String format(LogSelector selector) {
        return "<= " + fields(selector);
    }

    /** The same fields as the msglog's "Received from" line has them. */
    String fields(LogSelector selector) {
        StringBuilder sb = new StringBuilder(sender.isEmpty() ? "<>" : sender);
        bounceOf.ifPresent(r -> sb.append(" R=").append(r));
        peer.ifPresent(p -> sb.append(' ').append(p.hostField(selector.has("incoming_port"))));
        user.ifPresent(u -> sb.append(" U=").append(u));
        sb.append(" P=").append(protocol);
        if (selector.has("tls_cipher")) {
            tlsCipher.ifPresent(c -> sb.append(" X=").append(c));
        }
        if (selector.has("tls_certificate_verified") && tlsCipher.isPresent()) {
            certificateVerified.ifPresent(v -> sb.append(" CV=").append(v ? "yes" : "no"));
        }
        authenticator.ifPresent(a -> sb.append(" A=").append(a));
        sb.append(" S=").append(size);
        if (selector.has("msg_id")) {
            messageId.ifPresent(m -> sb.append(" id=").append(m));
        }
        if (selector.has("subject")) {
            subject.ifPresent(s -> sb.append(" T=").append(LogText.quoted(s)));
        }
        if (selector.has("received_recipients") && !recipients.isEmpty()) {
            sb.append(" for ").append(String.join(" ", recipients));
        }
        return sb.toString();
    }
}
