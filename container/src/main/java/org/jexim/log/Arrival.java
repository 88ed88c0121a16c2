package org.jexim.log;

import java.time.Duration;
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
 * @param details the items only some log_selector settings show
 */
public record Arrival(String id, String sender, Optional<String> bounceOf, Optional<SmtpPeer> peer,
                      Optional<String> user, String protocol, Optional<String> tlsCipher,
                      Optional<Boolean> certificateVerified, Optional<String> authenticator, long size,
                      Optional<String> messageId, Optional<String> subject, List<String> recipients, Details details) {

    /**
     * @param interfaceAddress the local end of the SMTP connection, {@code [ip]:port} (I= with incoming_interface)
     * @param bodyType the BODY= of MAIL: 0 none, 7 7BIT, 8 8BITMIME (M8S= with 8bitmime)
     * @param receiveTime how long the reception took (RT= with receive_time)
     * @param rawSender the sender before rewriting (" from <...>" with received_sender)
     * @param messageIdCreated whether the Message-ID was added here (shown only with msg_id_created, as id*=)
     */
    public record Details(Optional<String> interfaceAddress, int bodyType, Optional<Duration> receiveTime,
                          Optional<String> rawSender, boolean messageIdCreated) {
        static final Details NONE = new Details(Optional.empty(), 0, Optional.empty(), Optional.empty(), false);
    }

    public static Arrival local(String id, String sender, String user, String protocol, long size) {
        return new Arrival(id, sender, Optional.empty(), Optional.empty(), Optional.of(user), protocol,
            Optional.empty(), Optional.empty(), Optional.empty(), size, Optional.empty(), Optional.empty(), List.of(),
            Details.NONE);
    }

    public static Arrival smtp(String id, String sender, SmtpPeer peer, String protocol, long size) {
        return new Arrival(id, sender, Optional.empty(), Optional.of(peer), peer.ident(), protocol,
            Optional.empty(), Optional.empty(), Optional.empty(), size, Optional.empty(), Optional.empty(), List.of(),
            Details.NONE);
    }

    public Arrival withMessageId(String value) {
        return new Arrival(id, sender, bounceOf, peer, user, protocol, tlsCipher, certificateVerified, authenticator,
            size, Optional.ofNullable(value).map(Arrival::stripBrackets), subject, recipients, details);
    }

    /** A Message-ID this submission added (logged as id*= only with msg_id_created). */
    public Arrival withCreatedMessageId(String value) {
        return withMessageId(value).with(new Details(details.interfaceAddress(), details.bodyType(),
            details.receiveTime(), details.rawSender(), true));
    }

    /** The host it came from (H=): an SMTP client, or the host a trusted caller named with -oMa. */
    public Arrival withPeer(SmtpPeer value) {
        return new Arrival(id, sender, bounceOf, Optional.ofNullable(value), user, protocol, tlsCipher, certificateVerified,
            authenticator, size, messageId, subject, recipients, details);
    }

    public Arrival withSubject(String value) {
        return new Arrival(id, sender, bounceOf, peer, user, protocol, tlsCipher, certificateVerified, authenticator,
            size, messageId, Optional.ofNullable(value), recipients, details);
    }

    public Arrival withRecipients(List<String> value) {
        return new Arrival(id, sender, bounceOf, peer, user, protocol, tlsCipher, certificateVerified, authenticator,
            size, messageId, subject, List.copyOf(value), details);
    }

    public Arrival withTls(String cipher, boolean verified) {
        return new Arrival(id, sender, bounceOf, peer, user, protocol, Optional.ofNullable(cipher),
            Optional.of(verified), authenticator, size, messageId, subject, recipients, details);
    }

    public Arrival withAuthenticator(String value) {
        return new Arrival(id, sender, bounceOf, peer, user, protocol, tlsCipher, certificateVerified,
            Optional.ofNullable(value), size, messageId, subject, recipients, details);
    }

    public Arrival withBounceOf(String causeId) {
        return new Arrival(id, sender, Optional.ofNullable(causeId), peer, user, protocol, tlsCipher,
            certificateVerified, authenticator, size, messageId, subject, recipients, details);
    }

    /** The local end of the SMTP connection the message came in on. */
    public Arrival withInterface(String ip, int port) {
        return with(new Details(Optional.of("[" + ip + "]:" + port), details.bodyType(), details.receiveTime(),
            details.rawSender(), details.messageIdCreated()));
    }

    /** MAIL's BODY=: 7 for 7BIT, 8 for 8BITMIME (0, none given, is the default). */
    public Arrival withBodyType(int value) {
        return with(new Details(details.interfaceAddress(), value, details.receiveTime(), details.rawSender(),
            details.messageIdCreated()));
    }

    public Arrival withReceiveTime(Duration value) {
        return with(new Details(details.interfaceAddress(), details.bodyType(), Optional.ofNullable(value),
            details.rawSender(), details.messageIdCreated()));
    }

    /** The sender as given, before rewriting (by default the sender). */
    public Arrival withRawSender(String value) {
        return with(new Details(details.interfaceAddress(), details.bodyType(), details.receiveTime(),
            Optional.ofNullable(value), details.messageIdCreated()));
    }

    private Arrival with(Details value) {
        return new Arrival(id, sender, bounceOf, peer, user, protocol, tlsCipher, certificateVerified, authenticator,
            size, messageId, subject, recipients, value);
    }

    private static String stripBrackets(String v) {
        String t = v.trim();
        return t.startsWith("<") && t.endsWith(">") ? t.substring(1, t.length() - 1) : t;
    }

    /**
     * The line after the message id: {@code <= sender H=... U=... P=... S=... id=...}, then
     * what Exim's log_write adds to the main log line only: {@code from <raw sender>} and
     * {@code for recipients}.
     */
    String format(LogSelector selector) {
        StringBuilder sb = new StringBuilder("<= ").append(fields(selector));
        if (selector.has("received_sender")) {
            sb.append(" from <").append(details.rawSender().orElse(sender)).append('>');
        }
        if (selector.has("received_recipients") && !recipients.isEmpty()) {
            sb.append(" for ").append(String.join(" ", recipients));
        }
        return sb.toString();
    }

    /** The fields as the msglog's "Received from" line has them. */
    String fields(LogSelector selector) {
        StringBuilder sb = new StringBuilder(sender.isEmpty() ? "<>" : sender);
        bounceOf.ifPresent(r -> sb.append(" R=").append(r));
        peer.ifPresent(p -> {
            sb.append(' ').append(p.hostField(selector.has("incoming_port")));
            if (selector.has("incoming_interface")) {
                details.interfaceAddress().ifPresent(i -> sb.append(" I=").append(i));
            }
        });
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
        if (selector.has("8bitmime")) {
            sb.append(" M8S=").append(details.bodyType());
        }
        if (selector.has("receive_time")) {
            details.receiveTime().ifPresent(t -> sb.append(" RT=").append(MessageFacts.timeDiff(t, selector.has("millisec"))));
        }
        if (selector.has("msg_id") && (selector.has("msg_id_created") || !details.messageIdCreated())) {
            messageId.ifPresent(m -> sb.append(details.messageIdCreated() ? " id*=" : " id=").append(m));
        }
        if (selector.has("subject")) {
            subject.ifPresent(s -> sb.append(" T=").append(LogText.quoted(s)));
        }
        return sb.toString();
    }
}
