package org.jexim.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The message as the smtp and lmtp transports send it: the transport's message with its DKIM
 * signatures on top, in CRLF lines ending in a newline, not yet dot-stuffed. Streamed from the
 * spool each time it is sent; its size (for BDAT) is measured by a pass that sends nothing.
 */
final class SmtpMessage {
    private final List<String> signatures;
    private final LocalMessage message;
    private long size = -1;

    SmtpMessage(List<String> signatures, LocalMessage message) {
        this.signatures = signatures;
        this.message = message;
    }

    /** Writes the message to {@code out}, which is flushed, not closed. */
    void writeTo(OutputStream out) throws IOException {
        StreamStage lines = new LfStage(new CrlfStage(out), true);
        for (String s : signatures) {
            lines.write(s.getBytes(StandardCharsets.US_ASCII));
        }
        message.writeTo(lines);
        lines.finish();
    }

    /** The number of bytes {@link #writeTo} writes. */
    long size() throws IOException {
        if (size < 0) {
            CountingStage count = CountingStage.discarding();
            writeTo(count);
            size = count.count();
        }
        return size;
    }
}
