package org.jexim.scan;

import java.util.List;

/**
 * What the rspamd variant of spamd_address sends about a message besides its text, as
 * Exim's spam.c does: message id, sender, recipients, HELO name, host name, address and
 * authenticated id (empty strings when unknown).
 */
public record ScanEnvelope(String messageId, String sender, List<String> recipients, String helo, String hostName,
                           String hostAddress, String authenticatedId) {
    public static final ScanEnvelope NONE = new ScanEnvelope("", "", List.of(), "", "", "", "");

    /** The RSPAMC/1.3 request head for a message of {@code length} bytes. */
    String rspamcHead(long length) {
        StringBuilder r = new StringBuilder("CHECK RSPAMC/1.3\r\nContent-length: ").append(length).append("\r\n")
                .append("Queue-Id: ").append(messageId).append("\r\nFrom: <").append(sender)
                .append(">\r\nRecipient-Number: ").append(recipients.size()).append("\r\n");
        for (String rcpt : recipients) {
            r.append("Rcpt: <").append(rcpt).append(">\r\n");
        }
        optional(r, "Helo: ", helo);
        optional(r, "Hostname: ", hostName);
        optional(r, "IP: ", hostAddress);
        optional(r, "User: ", authenticatedId);
        return r.append("\r\n").toString();
    }

    private static void optional(StringBuilder r, String name, String value) {
        if (value != null && !value.isEmpty()) {
            r.append(name).append(value).append("\r\n");
        }
    }
}
