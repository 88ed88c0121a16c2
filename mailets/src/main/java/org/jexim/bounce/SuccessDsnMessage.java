package org.jexim.bounce;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Exim 4.96's success DSN (deliver.c): "Delivery Status Notification" to the sender of a message
 * whose addresses asked NOTIFY=SUCCESS and were delivered where the DSN stops (a local transport),
 * with a delivery-status part ("Action: delivered") and the message's header lines. Lines end in LF.
 */
public final class SuccessDsnMessage {
    private final String primaryHostname;
    private final String qualifyDomain;

    public SuccessDsnMessage(String primaryHostname, String qualifyDomain) {
        this.primaryHostname = primaryHostname;
        this.qualifyDomain = qualifyDomain;
    }

    /** One delivered address and the ORCPT its client gave (null for none). */
    public record Delivered(String address, String orcpt) {
    }

    public byte[] build(String sender, List<Delivered> delivered, byte[] original, DsnEnvelope dsn, ZonedDateTime now,
            String boundary, String newId, String receivedBy) {
        StringBuilder h = new StringBuilder();
        h.append("Received: from ").append(receivedBy).append(" by ").append(primaryHostname)
                .append(" with local (Exim 4.96)\n\tid ").append(newId).append("\n\tfor ").append(sender)
                .append(";\n\t").append(BounceMessage.FULL.format(now)).append('\n');
        h.append("From: Mail Delivery System <Mailer-Daemon@").append(qualifyDomain).append(">\n");
        h.append("Auto-Submitted: auto-generated\n");
        h.append("To: ").append(sender).append('\n');
        h.append("Subject: Delivery Status Notification\n");
        byte[] lf = BounceMessage.lf(original);
        BounceMessage.header(lf, "message-id").ifPresent(id -> h.append("References: ")
                .append(BounceMessage.header(lf, "references").map(r -> r + " ").orElse("")).append(id).append('\n'));
        h.append("Content-Type: multipart/report; report-type=delivery-status; boundary=").append(boundary).append('\n');
        h.append("MIME-Version: 1.0\n");
        h.append("Message-Id: <E").append(newId).append('@').append(primaryHostname).append(">\n");
        h.append("Date: ").append(BounceMessage.FULL.format(now)).append("\n\n");
        h.append("--").append(boundary).append("\nContent-type: text/plain; charset=us-ascii\n\n");
        h.append("This message was created automatically by mail delivery software.\n");
        h.append(" ----- The following addresses had successful delivery notifications -----\n");
        for (Delivered d : delivered) {
            h.append('<').append(d.address()).append("> (relayed via non \"Remote SMTP\" router)\n");
        }
        h.append("\n--").append(boundary).append("\nContent-type: message/delivery-status\n\n");
        h.append("Reporting-MTA: dns; ").append(primaryHostname).append('\n');
        if (dsn.envid() != null) {
            h.append("Original-Envelope-ID: ").append(dsn.envid()).append('\n');
        }
        h.append('\n');
        for (Delivered d : delivered) {
            if (d.orcpt() != null) {
                h.append("Original-Recipient: ").append(d.orcpt()).append('\n');
            }
            h.append("Action: delivered\nFinal-Recipient: rfc822;").append(d.address())
                    .append("\nStatus: 2.0.0\nDiagnostic-Code: X-Exim; relayed via non SMTP router\n\n");
        }
        h.append("--").append(boundary).append("\nContent-type: text/rfc822-headers\n\n");
        h.append("Return-path: <").append(sender).append(">\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(h.length() + lf.length);
        out.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        int end = headerEnd(lf);
        out.write(lf, 0, end);
        out.writeBytes(("\n\n--" + boundary + "--\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
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
