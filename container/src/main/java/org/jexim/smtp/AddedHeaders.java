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
        List<String> lines = new ArrayList<>(Collections.list(message.getAllHeaderLines()));
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
}
