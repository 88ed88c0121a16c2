package org.jexim.transport.autoreply;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes of an automatic reply as Exim's autoreply transport writes them: From:, Reply-To:,
 * To:, Cc:, Bcc:, Subject:, In-Reply-To: and References: from the original's Message-ID,
 * Auto-Submitted: auto-replied, the extra headers, a blank line, the text, the file, and the
 * returned message. LF line ends; the Bcc: line is for the submitter to remove.
 */
public final class ReplyMessage {
    private static final Pattern MSG_ID = Pattern.compile("<[^<>]*>");
    private static final int MAX_REFERENCES = 12;

    private ReplyMessage() {
    }

    /**
     * {@code originalHeaders}: the original's header lines ("Name: value\n"); {@code fileText}: the file, already
     * expanded; {@code returned}: the returned copy of the original with its rubric, or null.
     */
    public static String build(ReplySpec r, List<String> originalHeaders, String fileText, String returned) {
        StringBuilder b = new StringBuilder();
        line(b, "From", r.from());
        line(b, "Reply-To", r.replyTo());
        line(b, "To", r.to());
        line(b, "Cc", r.cc());
        line(b, "Bcc", r.bcc());
        line(b, "Subject", r.subject());
        String messageId = null;
        for (String h : originalHeaders) {
            if (h.regionMatches(true, 0, "message-id:", 0, 11)) {
                messageId = h.substring(11).stripLeading();
                if (!messageId.endsWith("\n")) {
                    messageId += "\n";
                }
            }
        }
        if (messageId != null) {
            b.append("In-Reply-To: ").append(messageId);
        }
        references(b, originalHeaders, messageId);
        b.append("Auto-Submitted: auto-replied\n");
        if (r.headers() != null) {
            b.append(r.headers()).append('\n');
        }
        b.append('\n');
        if (r.text() != null && !r.text().isEmpty()) {
            b.append(r.text());
            if (!r.text().endsWith("\n")) {
                b.append('\n');
            }
        }
        if (fileText != null) {
            b.append(fileText);
        }
        if (returned != null) {
            b.append(returned);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(name).append(": ").append(value).append('\n');
        }
    }

    /** moan_write_references(): the original's References (or In-Reply-To) ids, at most 12, then its Message-ID. */
    private static void references(StringBuilder b, List<String> headers, String messageId) {
        String refs = find(headers, "references:");
        if (refs == null) {
            refs = find(headers, "in-reply-to:");
        }
        if (refs == null && messageId == null) {
            return;
        }
        b.append("References:");
        if (refs != null) {
            List<String> ids = new ArrayList<>();
            Matcher m = MSG_ID.matcher(refs);
            while (m.find()) {
                if (ids.size() == MAX_REFERENCES) {
                    ids.remove(1); // keep the thread's root and the latest ones
                }
                ids.add(m.group());
            }
            ids.forEach(id -> b.append(' ').append(id));
        }
        b.append(messageId != null ? " " + messageId : "\n");
    }

    private static String find(List<String> headers, String name) {
        for (String h : headers) {
            if (h.regionMatches(true, 0, name, 0, name.length())) {
                return h.substring(name.length());
            }
        }
        return null;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
