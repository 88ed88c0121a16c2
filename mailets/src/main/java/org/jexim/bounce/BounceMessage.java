package org.jexim.bounce;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Exim 4.96's bounce message (deliver.c, the default when no bounce_message_file is set): the
 * X-Failed-Recipients, Auto-Submitted, From, To, References, MIME and Subject headers, a
 * multipart/report with the explanation, the delivery-status part and the returned message
 * with its Return-path:. Lines end in LF; the caller decides the line ends on the wire.
 */
public final class BounceMessage {
    static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ROOT);

    static final String DSN_LIMIT = "X-Exim-DSN-Information: Due to administrative limits only headers are returned\n";
    /** Exim's DELIVER_IN_BUFFER_SIZE: bounce_return_size_limit is rounded up to a multiple of it. */
    static final int BUFFER = 8192;

    private final String primaryHostname;
    private final String qualifyDomain;
    private final BounceOptions options;

    public BounceMessage(String primaryHostname, String qualifyDomain) {
        this(primaryHostname, qualifyDomain, BounceOptions.DEFAULT);
    }

    public BounceMessage(String primaryHostname, String qualifyDomain, BounceOptions options) {
        this.primaryHostname = primaryHostname;
        this.qualifyDomain = qualifyDomain;
        this.options = options;
    }

    /**
     * The bounce for {@code failed} (in the order they failed) of the message {@code original}
     * (as received, CRLF or LF) from {@code sender}, written at {@code now}; {@code boundary} and
     * {@code messageId} are the new message's.
     */
    public byte[] build(String sender, List<FailedAddress> failed, byte[] original, ZonedDateTime now,
            String boundary, String messageId, String receivedBy) {
        return build(sender, failed, original, now, boundary, messageId, receivedBy, DsnEnvelope.NONE);
    }

    /** As above, for a message whose client gave RET= and ENVID= ({@code dsn}). */
    public byte[] build(String sender, List<FailedAddress> failed, byte[] original, ZonedDateTime now,
            String boundary, String messageId, String receivedBy, DsnEnvelope dsn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 4096);
        try (ReturnedMessage returned = ReturnedMessage.of(original)) {
            write(out, sender, failed, returned, now, boundary, messageId, receivedBy, dsn);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // memory streams do not fail
        }
        return out.toByteArray();
    }

    /**
     * Writes the bounce to {@code out} (LF lines), the returned copy streamed from {@code original},
     * which holds only what the bounce can return.
     */
    public void write(java.io.OutputStream out, String sender, List<FailedAddress> failed, ReturnedMessage original,
            ZonedDateTime now, String boundary, String messageId, String receivedBy, DsnEnvelope dsn)
            throws java.io.IOException {
        List<FailedAddress> reported = new ArrayList<>(failed);
        Collections.reverse(reported); // Exim's failed list is built by pushing on its head
        StringBuilder h = new StringBuilder();
        h.append("Received: from ").append(receivedBy).append(" by ").append(primaryHostname)
                .append(" with local (Exim 4.96)\n\tid ").append(messageId).append("\n\tfor ").append(sender)
                .append(";\n\t").append(FULL.format(now)).append('\n');
        h.append("X-Failed-Recipients: ");
        for (int i = 0; i < reported.size(); i++) {
            h.append(i == 0 ? "" : ",\n  ").append(reported.get(i).address());
        }
        h.append('\n');
        if (options.errorsReplyTo() != null && !options.errorsReplyTo().isBlank()) {
            h.append("Reply-To: ").append(options.errorsReplyTo().strip()).append('\n');
        }
        h.append("Auto-Submitted: auto-replied\n");
        h.append("From: Mail Delivery System <Mailer-Daemon@").append(qualifyDomain).append(">\n");
        h.append("To: ").append(sender).append('\n');
        byte[] head = original.head();
        Optional<String> originalId = header(head, "message-id");
        if (originalId.isPresent()) {
            Optional<String> refs = header(head, "references");
            h.append("References: ").append(refs.map(r -> r + " ").orElse("")).append(originalId.get()).append('\n');
        }
        h.append("Content-Type: multipart/report; report-type=delivery-status; boundary=").append(boundary).append('\n');
        h.append("MIME-Version: 1.0\n");
        h.append(options.section(0) != null ? options.section(0) : "Subject: Mail delivery failed: returning message to sender\n");
        h.append("Message-Id: <E").append(messageId).append('@').append(primaryHostname).append(">\n");
        h.append("Date: ").append(FULL.format(now)).append("\n\n");

        h.append("--").append(boundary).append('\n');
        h.append("Content-type: text/plain; charset=us-ascii\n\n");
        if (options.section(1) != null) {
            h.append(options.section(1)).append('\n');
        } else {
            h.append("This message was created automatically by mail delivery software.\n");
            if (options.messageText() != null) {
                h.append(options.messageText());
            }
            h.append("\nA message that you sent could not be delivered to one or more of its\n");
            h.append("recipients. This is a permanent error. The following address(es) failed:\n\n");
        }
        for (FailedAddress a : reported) {
            h.append("  ").append(a.address());
            if (a.generatedFrom() != null && !a.generatedFrom().equalsIgnoreCase(a.address())) {
                h.append("\n    (").append(a.ultimately() ? "ultimately " : "").append("generated from ")
                        .append(a.generatedFrom()).append(')');
            }
            if (a.message() != null && !a.message().isEmpty()) {
                h.append("\n    ").append(a.message().replace("\n", "\n    "));
            }
            h.append('\n');
        }
        boolean first = true;
        for (FailedAddress a : reported) {
            if (a.output() == null) {
                continue;
            }
            if (first) {
                if (options.section(2) != null) {
                    h.append('\n').append(options.section(2));
                } else {
                    h.append("\nThe following text was generated during the delivery attempt")
                            .append(reported.stream().filter(x -> x.output() != null).count() > 1 ? "s" : "").append(":\n");
                }
                first = false;
            }
            h.append("\n------ ").append(a.address()).append(" ------\n\n").append(a.output());
        }
        h.append('\n');
        h.append("--").append(boundary).append('\n');
        h.append("Content-type: message/delivery-status\n\n");
        h.append("Reporting-MTA: dns; ").append(primaryHostname).append('\n');
        if (dsn.envid() != null) {
            h.append("Original-Envelope-ID: ").append(dsn.envid()).append('\n');
        }
        h.append('\n');
        // Exim moves the addresses with returned output to its handled list last, so they come first
        List<FailedAddress> dsnOrder = new ArrayList<>(failed.stream().filter(a -> a.output() != null).toList());
        dsnOrder.addAll(failed.stream().filter(a -> a.output() == null).toList());
        for (FailedAddress a : dsnOrder) {
            if (a.orcpt() != null) {
                h.append("Original-Recipient: ").append(a.orcpt()).append('\n');
            }
            h.append("Action: failed\n");
            h.append("Final-Recipient: rfc822;").append(a.finalRecipient()).append('\n');
            h.append("Status: 5.0.0\n");
            if (a.remoteMta() != null) {
                h.append("Remote-MTA: dns; ").append(a.remoteMta()).append('\n');
                h.append("Diagnostic-Code: smtp; ").append(a.diagnostic()).append('\n');
            }
            h.append('\n');
        }
        h.append("--").append(boundary).append('\n');
        // RET=HDRS first; RET=FULL that bounce_return_body overrules gets Exim's note, as a size limit does
        boolean limited = !dsn.headersOnly() && (options.returnBody() ? tooBig(original) : dsn.full());
        boolean headersOnly = dsn.headersOnly() || !options.returnBody() || limited;
        h.append(headersOnly ? "Content-type: text/rfc822-headers\n\n" : "Content-type: message/rfc822\n\n");
        h.append("Return-path: <").append(sender).append(">\n");
        out.write(h.toString().getBytes(StandardCharsets.UTF_8));
        out.write(head);
        if (headersOnly) {
            if (limited) {
                out.write(DSN_LIMIT.getBytes(StandardCharsets.US_ASCII));
            }
            out.write('\n');
        } else {
            original.writeRest(out);
        }
        out.write(("\n--" + boundary + "--\n").getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The body a bounce can return of a message, counted as Exim's spool -D file has it, against
     * bounce_return_size_limit rounded up as Exim's buffered copy does: what a collector for the
     * bounce's copy must keep (0 without bounce_return_body).
     */
    public static long returnable(BounceOptions options) {
        if (!options.returnBody()) {
            return 0;
        }
        long limit = options.returnSizeLimit();
        return limit <= 0 ? Long.MAX_VALUE : (limit / BUFFER + 1) * BUFFER - 18;
    }

    /**
     * Whether the message passes bounce_return_size_limit (its spool -D file, id line and body,
     * against the limit rounded up as Exim's buffered copy does) or has a line longer than
     * bounce_return_linesize_limit.
     */
    private boolean tooBig(ReturnedMessage original) {
        long dataFile = 19 + Math.max(0, original.restLength() - 1);
        long limit = options.returnSizeLimit();
        if (limit > 0 && dataFile > (limit / BUFFER + 1) * BUFFER) {
            return true;
        }
        return original.longestLine() > options.returnLineSizeLimit();
    }

    /** The value of a header of the original (first occurrence, unfolded, trimmed). */
    static Optional<String> header(byte[] lf, String name) {
        String text = new String(lf, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\n\n");
        String head = end < 0 ? text : text.substring(0, end + 1);
        String[] lines = head.split("\n");
        for (int i = 0; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).strip().equalsIgnoreCase(name)) {
                StringBuilder v = new StringBuilder(lines[i].substring(colon + 1));
                while (i + 1 < lines.length && (lines[i + 1].startsWith(" ") || lines[i + 1].startsWith("\t"))) {
                    v.append(lines[++i]);
                }
                return Optional.of(v.toString().strip());
            }
        }
        return Optional.empty();
    }

    /** CRLF becomes LF, as Exim keeps messages on its spool. */
    static byte[] lf(byte[] m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(m.length);
        for (int i = 0; i < m.length; i++) {
            if (m[i] == '\r' && i + 1 < m.length && m[i + 1] == '\n') {
                continue;
            }
            out.write(m[i]);
        }
        return out.toByteArray();
    }
}
