package org.jexim.transport;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The message a transport delivers, as received (CRLF or LF lines), written out on demand as
 * many times as the transport needs (a measuring pass, each host tried), never held whole.
 * In the server it streams from the spool; tests give bytes.
 */
@FunctionalInterface
public interface MessageSource {
    /** Writes the whole message to {@code out} (not closed). */
    void writeTo(OutputStream out) throws IOException;

    static MessageSource of(byte[] message) {
        return out -> out.write(message);
    }

    /** A source that measures itself once: its size with LF line ends (Exim's $message_size). */
    static MessageSource measured(MessageSource source) {
        return source instanceof MeasuredSource m ? m : new MeasuredSource(source);
    }

    /** The size of the message with LF line ends and a final newline, as Exim's spool holds it. */
    default long lfSize() throws IOException {
        CountingStage count = CountingStage.discarding();
        try (StreamStage lf = new LfStage(count)) {
            writeTo(lf);
        }
        return count.count();
    }
}
