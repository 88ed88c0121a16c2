package org.jexim.transport.autoreply;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jexim.conf.expand.ExpansionContext;

/**
 * What Exim's reception adds to a reply it submits with -t: the Bcc: line removed, then
 * Message-Id: and Date: after the other headers. The result has CRLF line ends, for James.
 */
public final class ReplySubmission {
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ROOT);

    private ReplySubmission() {
    }

    public static byte[] prepare(String reply, ExpansionContext context, ZonedDateTime now) {
        int end = reply.indexOf("\n\n");
        String head = reply.substring(0, end + 1);
        String rest = reply.substring(end + 1);
        StringBuilder h = new StringBuilder();
        boolean skipping = false;
        for (String line : head.split("(?<=\n)")) {
            if (skipping && (line.startsWith(" ") || line.startsWith("\t"))) {
                continue;
            }
            skipping = line.regionMatches(true, 0, "bcc:", 0, 4);
            if (!skipping) {
                h.append(line);
            }
        }
        String host = context.variable("primary_hostname").orElse("localhost");
        String id = Long.toString(now.toEpochSecond(), 36) + "-" + Long.toString(System.nanoTime() & 0xffffff, 36);
        h.append("Message-Id: <E").append(id).append('@').append(host).append(">\n");
        h.append("Date: ").append(FULL.format(now)).append('\n');
        return (h + rest).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
