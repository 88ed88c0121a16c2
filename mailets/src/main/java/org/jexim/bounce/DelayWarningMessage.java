package org.jexim.bounce;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Exim 4.96's delay warning (deliver.c): "Warning: message ID delayed ..." to the sender (or
 * the errors_to addresses) of a message still deferred after a {@code delay_warning} time, with
 * the {@code warn_message_file} sections (header, intro, final) in place of the built-in texts,
 * a delivery-status part with "Action: delayed" and the message's header lines. Lines end in LF.
 */
public final class DelayWarningMessage {
    private final String primaryHostname;
    private final String qualifyDomain;
    private final List<String> template;
    private final String errorsReplyTo;

    /**
     * @param template the warn_message_file's sections (null when unset); their $warnmsg_delay and
     *                 $warnmsg_recipients are replaced
     */
    public DelayWarningMessage(String primaryHostname, String qualifyDomain, List<String> template, String errorsReplyTo) {
        this.primaryHostname = primaryHostname;
        this.qualifyDomain = qualifyDomain;
        this.template = template;
        this.errorsReplyTo = errorsReplyTo;
    }

    /** One delayed address: what the warning lists, and the reason shown (null for none). */
    public record Delayed(String address, String generatedFrom, boolean ultimately, String reason, String remoteMta,
                          String diagnostic, String orcpt) {
    }

    /**
     * The warning for the message {@code messageId} ({@code original}, CRLF or LF) from {@code sender},
     * to {@code to} (comma-separated), {@code delay} as Exim words it ("2 minutes", "25 hours").
     */
    public byte[] build(String to, String sender, String messageId, String delay, List<Delayed> delayed, byte[] original,
            ZonedDateTime now, String boundary, String newId, String receivedBy, DsnEnvelope dsn) {
        StringBuilder h = new StringBuilder();
        h.append("Received: from ").append(receivedBy).append(" by ").append(primaryHostname)
                .append(" with local (Exim 4.96)\n\tid ").append(newId).append("\n\tfor ").append(to)
                .append(";\n\t").append(BounceMessage.FULL.format(now)).append('\n');
        if (errorsReplyTo != null && !errorsReplyTo.isBlank()) {
            h.append("Reply-To: ").append(errorsReplyTo.strip()).append('\n');
        }
        h.append("Auto-Submitted: auto-replied\n");
        h.append("From: Mail Delivery System <Mailer-Daemon@").append(qualifyDomain).append(">\n");
        h.append("To: ").append(to).append('\n');
        byte[] lf = BounceMessage.lf(original);
        BounceMessage.header(lf, "message-id").ifPresent(id -> h.append("References: ")
                .append(BounceMessage.header(lf, "references").map(r -> r + " ").orElse("")).append(id).append('\n'));
        h.append("Content-Type: multipart/report; report-type=delivery-status; boundary=").append(boundary).append('\n');
        h.append("MIME-Version: 1.0\n");
        String header = section(0, to, delay);
        if (header != null) {
            h.append(header);
        } else {
            h.append("Subject: Warning: message ").append(messageId).append(" delayed ").append(delay).append('\n');
        }
        h.append("Message-Id: <E").append(newId).append('@').append(primaryHostname).append(">\n");
        h.append("Date: ").append(BounceMessage.FULL.format(now)).append("\n\n");

        h.append("--").append(boundary).append("\nContent-type: text/plain; charset=us-ascii\n\n");
        String intro = section(1, to, delay);
        if (intro != null) {
            h.append(intro);
        } else {
            h.append("This message was created automatically by mail delivery software.\n");
            if (to.equals(sender)) {
                h.append("A message that you sent has not yet been delivered to one or more of its\n"
                        + "recipients after more than ");
            } else {
                h.append("A message sent by\n\n  <").append(sender).append(">\n\n"
                        + "has not yet been delivered to one or more of its recipients after more than \n");
            }
            h.append(delay).append(" on the queue on ").append(primaryHostname).append(".\n\n");
            h.append("The message identifier is:     ").append(messageId).append('\n');
            for (String line : headerLines(lf)) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("subject:")) {
                    h.append("The subject of the message is: ").append(line.substring(Math.min(9, line.length())));
                } else if (lower.startsWith("date:")) {
                    h.append("The date of the message is:    ").append(line.substring(Math.min(6, line.length())));
                }
            }
            h.append('\n');
            h.append("The address").append(delayed.size() == 1 ? "" : "es")
                    .append(" to which the message has not yet been delivered ")
                    .append(delayed.size() == 1 ? "is" : "are").append(":\n");
        }
        h.append('\n');
        for (Delayed d : delayed) {
            h.append("  ").append(d.address());
            if (d.generatedFrom() != null && !d.generatedFrom().equalsIgnoreCase(d.address())) {
                h.append("\n    (").append(d.ultimately() ? "ultimately " : "").append("generated from ")
                        .append(d.generatedFrom()).append(')');
            }
            if (d.reason() != null && !d.reason().isEmpty()) {
                h.append("\n    Delay reason: ").append(d.reason().replace("\n", "\n    "));
            }
            h.append('\n');
        }
        h.append('\n');
        String last = section(2, to, delay);
        if (template != null) {
            h.append(last == null ? "" : last);
        } else {
            h.append("No action is required on your part. Delivery attempts will continue for\n"
                    + "some time, and this warning may be repeated at intervals if the message\n"
                    + "remains undelivered. Eventually the mail delivery software will give up,\n"
                    + "and when that happens, the message will be returned to you.\n");
        }
        h.append("\n--").append(boundary).append("\nContent-type: message/delivery-status\n\n");
        h.append("Reporting-MTA: dns; ").append(primaryHostname).append('\n');
        if (dsn.envid() != null) {
            h.append("Original-Envelope-ID: ").append(dsn.envid()).append('\n');
        }
        h.append('\n');
        for (Delayed d : delayed) {
            if (d.orcpt() != null) {
                h.append("Original-Recipient: ").append(d.orcpt()).append('\n');
            }
            h.append("Action: delayed\nFinal-Recipient: rfc822;").append(d.address()).append("\nStatus: 4.0.0\n");
            if (d.remoteMta() != null) {
                h.append("Remote-MTA: dns; ").append(d.remoteMta()).append('\n');
                h.append("Diagnostic-Code: smtp; ").append(d.diagnostic()).append('\n');
            }
            h.append('\n');
        }
        h.append("--").append(boundary).append("\nContent-type: text/rfc822-headers\n\n");
        h.append("Return-path: <").append(sender).append(">\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(h.length() + lf.length);
        out.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(lf, 0, headerEnd(lf));
        out.writeBytes(("\n\n--" + boundary + "--\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private String section(int i, String to, String delay) {
        if (template == null || i >= template.size()) {
            return null;
        }
        return template.get(i).replace("${warnmsg_delay}", delay).replace("$warnmsg_delay", delay)
                .replace("${warnmsg_recipients}", to).replace("$warnmsg_recipients", to);
    }

    private static List<String> headerLines(byte[] lf) {
        String head = new String(lf, 0, headerEnd(lf), StandardCharsets.ISO_8859_1);
        return List.of(head.split("\n(?![ \t])")).stream().map(l -> l + "\n").toList();
    }

    private static int headerEnd(byte[] lf) {
        for (int i = 0; i + 1 < lf.length; i++) {
            if (lf[i] == '\n' && lf[i + 1] == '\n') {
                return i + 1;
            }
        }
        return lf.length;
    }
}
