package org.jexim.bounce;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The message freeze_tell's addresses get when delivery freezes a message, as Exim's
 * moan_tell_someone writes it: "Message ID has been frozen ..." with the sender and the
 * addresses still to be delivered, from the Mail Delivery System, referencing the frozen message.
 */
public final class FreezeTellMessage {
    /** An address still to be delivered, with its parent and error when it has them (null: none). */
    public record Waiting(String address, String parent, String error) {
    }

    private final String primaryHostname;
    private final String qualifyDomain;
    private final String errorsReplyTo;

    public FreezeTellMessage(String primaryHostname, String qualifyDomain, String errorsReplyTo) {
        this.primaryHostname = primaryHostname;
        this.qualifyDomain = qualifyDomain;
        this.errorsReplyTo = errorsReplyTo;
    }

    /**
     * The message (LF line ends) to {@code to} (freeze_tell as written) about message {@code messageId}
     * ({@code original}'s header names it for References:), frozen with {@code info} as the "Frozen" log line
     * has it (" by the system filter: REASON", "" for a transport's freeze).
     */
    public byte[] build(String to, List<String> recipients, String messageId, String info, String sender,
                        List<Waiting> waiting, byte[] original, ZonedDateTime now, String newId, String receivedBy) {
        StringBuilder h = new StringBuilder();
        h.append("Received: from ").append(receivedBy).append(" by ").append(primaryHostname)
                .append(" with local (Exim 4.96)\n\tid ").append(newId);
        if (recipients.size() == 1) {
            h.append("\n\tfor ").append(recipients.get(0)); // Exim names the recipient only when there is one
        }
        h.append(";\n\t").append(BounceMessage.FULL.format(now)).append('\n');
        if (errorsReplyTo != null && !errorsReplyTo.isBlank()) {
            h.append("Reply-To: ").append(errorsReplyTo.strip()).append('\n');
        }
        h.append("Auto-Submitted: auto-replied\n");
        h.append("From: Mail Delivery System <Mailer-Daemon@").append(qualifyDomain).append(">\n");
        h.append("To: ").append(to).append('\n');
        byte[] lf = BounceMessage.lf(original);
        BounceMessage.header(lf, "message-id").ifPresent(id -> h.append("References: ")
                .append(BounceMessage.header(lf, "references").map(r -> r + " ").orElse("")).append(id).append('\n'));
        h.append("Subject: Message frozen\n");
        h.append("Message-Id: <E").append(newId).append('@').append(primaryHostname).append(">\n");
        h.append("Date: ").append(BounceMessage.FULL.format(now)).append("\n\n");
        h.append("Message ").append(messageId).append(" has been frozen").append(tellText(info)).append(".\n");
        h.append("The sender is <").append(sender).append(">.\n");
        if (!waiting.isEmpty()) {
            h.append("\nThe following address(es) have yet to be delivered:\n");
            for (Waiting w : waiting) {
                h.append("  ").append(w.address());
                if (w.parent() != null) {
                    h.append(" <").append(w.parent()).append('>');
                }
                if (w.error() != null) {
                    h.append(": ").append(w.error());
                }
                h.append('\n');
            }
        }
        return h.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** deliver.c: " by the system filter: " becomes " by the system filter.\n", and each "\n" escape " \n". */
    static String tellText(String info) {
        String marker = " by the system filter: ";
        int at = info.indexOf(marker);
        String s = at < 0 ? info : info.substring(0, at) + " by the system filter.\n" + info.substring(at + marker.length());
        return s.replace("\\n", " \n");
    }
}
