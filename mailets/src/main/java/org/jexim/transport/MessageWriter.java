package org.jexim.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exim's transport_write_message for local deliveries, as a stream: the added Return-path:,
 * Envelope-to: and Delivery-date: headers, the message's header without {@code headers_remove},
 * then {@code headers_add}, the blank line and the body, every line ending in LF; body lines
 * (header lines too for BSMTP) starting with {@code check_string} get {@code escape_string}
 * instead. The message goes through in buffer-sized pieces, never whole.
 */
final class MessageWriter {
    private final List<byte[]> addedBefore = new ArrayList<>();
    private final List<byte[]> addedAfter = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();
    private byte[] check;
    private byte[] escape;
    private boolean escapeHeaders;
    private boolean headers = true;
    private boolean body = true;

    /** body_only and headers_only: which parts of the message are written. */
    MessageWriter parts(boolean writeHeaders, boolean writeBody) {
        headers = writeHeaders;
        body = writeBody;
        return this;
    }

    /** A header written before the message's own (Return-path: and its siblings). */
    MessageWriter prepend(String header) {
        addedBefore.add(header.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Text from headers_add: one or more header lines, a newline added when missing. */
    MessageWriter append(String headers) {
        if (headers != null && !headers.isEmpty()) {
            addedAfter.add((headers.endsWith("\n") ? headers : headers + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** A header name from headers_remove (case-insensitive, without its colon). */
    MessageWriter remove(String name) {
        String n = name.strip();
        if (n.endsWith(":")) {
            n = n.substring(0, n.length() - 1);
        }
        if (!n.isEmpty()) {
            removed.add(n.toLowerCase(Locale.ROOT));
        }
        return this;
    }

    /** check_string/escape_string; {@code inHeaders}: header lines are checked too (Exim's BSMTP). */
    MessageWriter escaping(String checkString, String escapeString, boolean inHeaders) {
        if (checkString != null && !checkString.isEmpty() && escapeString != null) {
            check = checkString.getBytes(StandardCharsets.ISO_8859_1);
            escape = escapeString.getBytes(StandardCharsets.ISO_8859_1);
            escapeHeaders = inHeaders;
        }
        return this;
    }

    /** Takes the message as received (CRLF or LF lines) and writes it to {@code sink} as the mailbox gets it. */
    StreamStage writing(OutputStream sink) {
        EscapingStage escaping = check == null ? null : new EscapingStage(sink, check, escape, escapeHeaders);
        return new LfStage(editing(escaping == null ? sink : escaping, escaping), true);
    }

    /** As {@link #writing} without the escaping: the input of a transport filter. */
    StreamStage composing(OutputStream sink) {
        return new LfStage(editing(sink, null), true);
    }

    /**
     * Escapes what a transport filter gave back, as Exim does: every line but the first is
     * checked, header lines included. Passes it through unchanged when there is no check string.
     */
    StreamStage escapingFiltered(OutputStream sink) {
        return check == null ? new CountingStage(sink) : new EscapingStage(sink, check, escape, true);
    }

    private HeaderEditingStage editing(OutputStream next, EscapingStage escaping) {
        return new HeaderEditingStage(next, escaping, addedBefore, addedAfter, removed, headers, body);
    }

    /** The message as written to the mailbox (without prefix and suffix), for tests and small messages. */
    byte[] write(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 512);
        try (StreamStage s = writing(out)) {
            s.write(message);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }
}
