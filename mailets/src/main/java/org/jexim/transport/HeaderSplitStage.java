package org.jexim.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Keeps a message's header (its lines and the blank line after them, LF or CRLF) and sends the
 * body on to another stream as it comes: for what needs the header whole and the body only
 * streamed (DKIM body hashes, the start of a message an autoreply returns).
 */
final class HeaderSplitStage extends StreamStage {
    private final ByteArrayOutputStream header = new ByteArrayOutputStream(4096);
    private final OutputStream body;
    private boolean lineStart = true;
    private boolean blankSoFar;
    private boolean inBody;

    HeaderSplitStage(OutputStream body) {
        super(OutputStream.nullOutputStream());
        this.body = body;
    }

    @Override
    protected void take(int b) throws IOException {
        if (inBody) {
            body.write(b);
            return;
        }
        header.write(b);
        if (b == '\n') {
            inBody = lineStart || blankSoFar;
            lineStart = true;
            blankSoFar = false;
        } else {
            blankSoFar = lineStart && b == '\r';
            lineStart = false;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int i = off;
        while (i < off + len && !inBody) {
            take(b[i++] & 0xff);
        }
        if (i < off + len) {
            body.write(b, i, off + len - i);
        }
    }

    /** The header as it came, with the blank line after it (when the message had one). */
    byte[] header() {
        return header.toByteArray();
    }

    boolean sawBody() {
        return inBody;
    }
}
