package org.jexim.smtp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import org.jexim.acl.AclEffects;

/**
 * Puts what the ACLs asked with {@code add_header} and {@code remove_header} into the
 * received message before it is queued: removals first (every header of that name), then the
 * additions where they were asked for (end of the header, top, after the Received: lines).
 */
final class AddedHeaders {
    private AddedHeaders() {
    }

    static void apply(AclEffects effects, MimeMessage message) throws MessagingException {
        if (effects.addedHeaders().isEmpty() && effects.removedHeaders().isEmpty()) {
            return;
        }
        List<String> lines = applied(effects, new ArrayList<>(Collections.list(message.getAllHeaderLines())));
        for (String old : Collections.list(message.getAllHeaderLines())) {
            int colon = old.indexOf(':');
            if (colon > 0) {
                message.removeHeader(old.substring(0, colon));
            }
        }
        for (String line : lines) {
            message.addHeaderLine(line);
        }
    }

    /**
     * The same for a message as -bs reads it: its lines without line ends, the header section first;
     * the body is left as it is.
     */
    static List<String> apply(AclEffects effects, List<String> messageLines) {
        if (effects.addedHeaders().isEmpty() && effects.removedHeaders().isEmpty()) {
            return messageLines;
        }
        int end = messageLines.indexOf("");
        end = end < 0 ? messageLines.size() : end;
        List<String> fields = new ArrayList<>();
        for (String line : messageLines.subList(0, end)) {
            if (!fields.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            } else {
                fields.add(line);
            }
        }
        List<String> out = new ArrayList<>();
        for (String field : applied(effects, fields)) {
            out.addAll(List.of(field.split("\r\n", -1)));
        }
        out.addAll(messageLines.subList(end, messageLines.size()));
        return out;
    }

    /** The header fields (continuation lines joined with CRLF) once the removals and additions are made. */
    private static List<String> applied(AclEffects effects, List<String> fields) {
        List<String> lines = new ArrayList<>(fields);
        for (String name : effects.removedHeaders()) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            lines.removeIf(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix));
        }
        List<String> top = new ArrayList<>();
        List<String> afterReceived = new ArrayList<>();
        for (AclEffects.AddedHeader h : effects.addedHeaders()) {
            String line = h.text().endsWith("\n") ? h.text().substring(0, h.text().length() - 1) : h.text();
            line = line.replace("\n", "\r\n");
            switch (h.placement()) {
                case AT_START, AT_START_RFC -> top.add(line);
                case AFTER_RECEIVED -> afterReceived.add(line);
                default -> lines.add(line);
            }
        }
        int received = 0;
        while (received < lines.size() && lines.get(received).regionMatches(true, 0, "Received:", 0, 9)) {
            received++;
        }
        lines.addAll(received, afterReceived);
        lines.addAll(0, top);
        return lines;
    }
}
