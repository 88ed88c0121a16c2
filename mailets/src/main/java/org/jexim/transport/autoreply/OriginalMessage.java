package org.jexim.transport.autoreply;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.DelegatingExpansionContext;
import org.jexim.conf.expand.HeaderKind;
import org.jexim.conf.expand.Headers;

/**
 * The message an automatic reply answers, split into header lines and body (LF line ends), the
 * body cut at a size limit ({@code bodySize} is its whole size), and an expansion context that
 * adds its headers ($h_subject...) and $reply_address to another.
 */
public record OriginalMessage(List<String> headerLines, String body, long bodySize) {
    /** Exim's DELIVER_IN_BUFFER_SIZE, to which the return limit is rounded up before it is compared. */
    private static final int BUFFER = 8192;
    /** The "ID-D\n" line before the body in Exim's -D file, which Exim counts in the size it prints. */
    private static final int DATA_FILE_LINE = 19;

    /** Reads the header and at most {@code bodyLimit} bytes of the body (all when not positive), streamed. */
    public static OriginalMessage read(org.jexim.transport.MessageSource source, long bodyLimit) throws java.io.IOException {
        return org.jexim.transport.HeadAndBodyStart.read(source, bodyLimit, OriginalMessage::parse);
    }

    /** {@code bytes}: the header, blank line and the start of the body; {@code bodySize}: the whole body's size. */
    private static OriginalMessage parse(byte[] bytes, long bodySize) {
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
        return new OriginalMessage(List.copyOf(lines), body, bodySize);
    }

    /** The whole message, LF line ends (the body as far as it was read). */
    public String text() {
        return String.join("", headerLines) + "\n" + body;
    }

    /**
     * What autoreply's {@code return_message} appends, as Exim writes it: the rubric, a note when
     * the body passes {@code limit} (bounce_return_size_limit), and the message with at most
     * {@code limit} bytes of its body.
     */
    public String returned(long limit) {
        String rubric = "\n------ This is a copy of the message, including all the headers.\n";
        if (limit <= 0) {
            return rubric + "\n" + text();
        }
        long max = (limit / BUFFER + 1) * BUFFER;
        long dataFile = DATA_FILE_LINE + bodySize;
        String note = dataFile > max ? "------ The body of the message is " + dataFile + " characters long; only the first\n"
                + "------ " + (max / 1000) * 1000 + " or so are included here.\n\n" : "\n";
        String cut = body.length() > limit ? body.substring(0, (int) limit) : body;
        return rubric + note + String.join("", headerLines) + "\n" + cut;
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
        return new DelegatingExpansionContext(base) {
            @Override
            public Optional<String> variable(String name) {
                if (name.equals("reply_address")) {
                    return Optional.of(m.replyAddress());
                }
                return base.variable(name);
            }

            @Override
            public Optional<String> header(String name, HeaderKind kind) {
                return Optional.ofNullable(Headers.value(m.headerLines(), name, kind));
            }
        };
    }
}
