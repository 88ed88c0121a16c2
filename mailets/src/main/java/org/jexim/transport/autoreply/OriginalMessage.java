package org.jexim.transport.autoreply;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.LayeredExpansionContext;
import org.jexim.conf.expand.HeaderKind;
import org.jexim.conf.expand.Headers;

/**
 * The message an automatic reply answers, split into header lines and body (LF line ends),
 * and an expansion context that adds its headers ($h_subject...) and $reply_address to another.
 */
public record OriginalMessage(List<String> headerLines, String body) {
    /** Splits a message as stored (CRLF or LF). */
    public static OriginalMessage of(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        int end = s.startsWith("\n") ? 0 : s.indexOf("\n\n");
        String head = end < 0 ? s : s.substring(0, end + (end == 0 ? 0 : 1));
        String body = end < 0 ? "" : s.substring(end + (end == 0 ? 1 : 2));
        List<String> lines = new ArrayList<>();
        for (String l : head.split("(?<=\n)")) {
            if (l.isEmpty()) {
                continue;
            }
            if ((l.startsWith(" ") || l.startsWith("\t")) && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + l);
            } else {
                lines.add(l.endsWith("\n") ? l : l + "\n");
            }
        }
        return new OriginalMessage(List.copyOf(lines), body);
    }

    /** The whole message, LF line ends. */
    public String text() {
        return String.join("", headerLines) + "\n" + body;
    }

    /** $reply_address: Reply-To:, else From:. */
    public String replyAddress() {
        String r = Headers.value(headerLines, "reply-to", HeaderKind.RAW);
        if (r == null) {
            r = Headers.value(headerLines, "from", HeaderKind.RAW);
        }
        return r == null ? "" : r.strip();
    }

    /** {@code base} with this message's headers and $reply_address. */
    public ExpansionContext over(ExpansionContext base) {
        OriginalMessage m = this;
        return new LayeredExpansionContext(base) {
            @Override
            public Optional<String> variable(String name) {
                if (name.equals("reply_address")) {
                    return Optional.of(m.replyAddress());
                }
                return base.variable(name);
            }

            @Override
            public boolean tainted(String name) {
                return base.tainted(name);
            }

            @Override
            public Optional<String> header(String name, HeaderKind kind) {
                return Optional.ofNullable(Headers.value(m.headerLines(), name, kind));
            }
        };
    }
}
