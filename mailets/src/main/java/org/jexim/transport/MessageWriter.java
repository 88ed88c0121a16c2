package org.jexim.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exim's transport_write_message for local deliveries: the added Return-path:, Envelope-to:
 * and Delivery-date: headers, the message's header without {@code headers_remove}, then
 * {@code headers_add}, the blank line and the body, every line ending in LF, and each line
 * starting with {@code check_string} given {@code escape_string} instead.
 */
final class MessageWriter {
    private final List<String> addedBefore = new ArrayList<>();
    private final List<String> addedAfter = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();
    private byte[] check;
    private byte[] escape;
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
        addedBefore.add(header);
        return this;
    }

    /** Text from headers_add: one or more header lines, a newline added when missing. */
    MessageWriter append(String headers) {
        if (headers != null && !headers.isEmpty()) {
            addedAfter.add(headers.endsWith("\n") ? headers : headers + "\n");
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

    MessageWriter escaping(String checkString, String escapeString) {
        if (checkString != null && !checkString.isEmpty() && escapeString != null) {
            check = checkString.getBytes(StandardCharsets.ISO_8859_1);
            escape = escapeString.getBytes(StandardCharsets.ISO_8859_1);
        }
        return this;
    }

    /** The message as written to the mailbox (without prefix and suffix). */
    byte[] write(byte[] message) {
        return escaped(compose(message));
    }

    /** The message with the header changes and parts chosen, before any escaping. */
    byte[] compose(byte[] message) {
        byte[] lf = toLf(message);
        int bodyStart = headerEnd(lf);
        ByteArrayOutputStream out = new ByteArrayOutputStream(lf.length + 512);
        if (headers) {
            for (String h : addedBefore) {
                latin1(out, h);
            }
            int i = 0;
            while (i < bodyStart) {
                int end = fieldEnd(lf, i, bodyStart);
                if (!removed.contains(fieldName(lf, i, end))) {
                    out.write(lf, i, end - i);
                }
                i = end;
            }
            for (String h : addedAfter) {
                latin1(out, h);
            }
            out.write('\n');
        }
        if (body && bodyStart < lf.length) {
            int from = bodyStart < lf.length && lf[bodyStart] == '\n' ? bodyStart + 1 : bodyStart;
            out.write(lf, from, lf.length - from);
        }
        return out.toByteArray();
    }

    /** check_string/escape_string applied to each line. */
    byte[] escaped(byte[] all) {
        return check == null ? all : escape(all);
    }

    private byte[] escape(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 64);
        boolean lineStart = true;
        for (int i = 0; i < data.length; i++) {
            if (lineStart && startsWith(data, i, check)) {
                out.write(escape, 0, escape.length);
                i += check.length - 1;
                lineStart = false;
                continue;
            }
            out.write(data[i]);
            lineStart = data[i] == '\n';
        }
        return out.toByteArray();
    }

    /** CRLF and lone CR become LF; a final line without its newline gets one. */
    static byte[] toLf(byte[] m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(m.length + 1);
        for (int i = 0; i < m.length; i++) {
            if (m[i] == '\r' && i + 1 < m.length && m[i + 1] == '\n') {
                continue;
            }
            out.write(m[i]);
        }
        if (m.length > 0 && m[m.length - 1] != '\n') {
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** The index of the blank line ending the header (or the end when there is none). */
    private static int headerEnd(byte[] lf) {
        int i = 0;
        while (i < lf.length) {
            if (lf[i] == '\n') {
                return i;
            }
            int nl = indexOf(lf, i);
            i = nl < 0 ? lf.length : nl + 1;
        }
        return lf.length;
    }

    /** The end of the header field starting at i, continuation lines included. */
    private static int fieldEnd(byte[] lf, int i, int limit) {
        int end = i;
        do {
            int nl = indexOf(lf, end);
            end = nl < 0 || nl >= limit ? limit : nl + 1;
        } while (end < limit && (lf[end] == ' ' || lf[end] == '\t'));
        return end;
    }

    private static String fieldName(byte[] lf, int from, int to) {
        int i = from;
        while (i < to && lf[i] != ':' && lf[i] != '\n') {
            i++;
        }
        return new String(lf, from, i - from, StandardCharsets.ISO_8859_1).strip().toLowerCase(Locale.ROOT);
    }

    private static int indexOf(byte[] a, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] m, int i, byte[] s) {
        if (i + s.length > m.length) {
            return false;
        }
        for (int k = 0; k < s.length; k++) {
            if (m[i + k] != s[k]) {
                return false;
            }
        }
        return true;
    }

    private static void latin1(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }
}
