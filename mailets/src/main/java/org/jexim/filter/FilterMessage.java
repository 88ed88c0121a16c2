package org.jexim.filter;

import java.util.List;
import org.jexim.conf.expand.HeaderKind;
import org.jexim.conf.expand.Headers;

/**
 * The message a filter looks at: its header lines (each "Name: value\n", continuations
 * included), its body, and its envelope. Gives the body variables as Exim computes them
 * ($message_body with newlines as spaces, the first and last message_body_visible characters).
 */
public record FilterMessage(List<String> headerLines, String body, String sender, String returnPath,
                            String messageId, long headerSize) {
    /** Exim's message_body_visible default. */
    static final int BODY_VISIBLE = 500;

    public FilterMessage {
        headerLines = List.copyOf(headerLines);
    }

    /** The same message with other header lines (headers add/remove in a system filter). */
    public FilterMessage withHeaders(List<String> lines) {
        return new FilterMessage(lines, body, sender, returnPath, messageId, headerSize);
    }

    /** A header's value as $h_NAME gives it, or null when absent. */
    public String header(String name, HeaderKind kind) {
        return Headers.value(headerLines, name, kind);
    }

    /** A header's value as $h_NAME gives it with $h_ decoded into {@code charset}, or null when absent. */
    public String header(String name, HeaderKind kind, String charset) {
        return Headers.value(headerLines, name, kind, charset);
    }

    public String messageBody() {
        return messageBody(BODY_VISIBLE);
    }

    /** $message_body with message_body_visible set to {@code visible}. */
    public String messageBody(int visible) {
        return spaces(body.substring(0, Math.min(visible, body.length())));
    }

    public String messageBodyEnd() {
        return messageBodyEnd(BODY_VISIBLE);
    }

    /** $message_body_end with message_body_visible set to {@code visible}. */
    public String messageBodyEnd(int visible) {
        return spaces(body.substring(Math.max(0, body.length() - visible)));
    }

    public long bodySize() {
        return body.length();
    }

    public long size() {
        return headerSize + body.length();
    }

    /** $body_linecount: lines of the body, a last line without newline included. */
    public long bodyLineCount() {
        long n = body.chars().filter(c -> c == '\n').count();
        return body.isEmpty() || body.endsWith("\n") ? n : n + 1;
    }

    /** $reply_address: Reply-To:, else From:, with surrounding white space removed. */
    public String replyAddress() {
        String r = header("reply-to", HeaderKind.RAW);
        if (r == null) {
            r = header("from", HeaderKind.RAW);
        }
        return r == null ? "" : r.strip();
    }

    /**
     * $message_headers: the header lines joined by newlines, encoded words decoded as $bh_ decodes
     * them (no charset translation), as Exim's find_header does for all headers.
     */
    public String messageHeaders() {
        String joined = messageHeadersUndecoded();
        try {
            return org.jexim.conf.expand.operators.Rfc2047.decode(joined, (String) null);
        } catch (org.jexim.conf.expand.ExpansionException e) {
            return joined;
        }
    }

    /** The header lines, each without its trailing white space, joined by newlines. */
    public String messageHeadersUndecoded() {
        StringBuilder b = new StringBuilder();
        for (String h : headerLines) {
            int end = h.length();
            while (end > 0 && FilterLexer.isSpace(h.charAt(end - 1))) {
                end--;
            }
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(h, 0, end);
        }
        return b.toString();
    }

    private static String spaces(String s) {
        return s.replace('\n', ' ').replace('\0', ' ');
    }
}
