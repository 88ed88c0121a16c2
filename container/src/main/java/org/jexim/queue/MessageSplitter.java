package org.jexim.queue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives a whole RFC 5322 message and splits it as Exim's spool does: the header section goes to
 * {@link #headers()} for the -H file, the body after the blank line streams to the -D file with
 * LF line ends.
 */
final class MessageSplitter extends OutputStream {
    private final ByteArrayOutputStream headerSection = new ByteArrayOutputStream(2048);
    private final ByteArrayOutputStream currentLine = new ByteArrayOutputStream(256);
    private final CrlfToLfOutputStream body;
    private boolean inBody;

    MessageSplitter(OutputStream bodySink) {
        this.body = new CrlfToLfOutputStream(bodySink);
    }

    @Override
    public void write(int b) throws IOException {
        if (inBody) {
            body.write(b);
            return;
        }
        currentLine.write(b);
        if (b == '\n') {
            endHeaderLine();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int i = off;
        int end = off + len;
        while (i < end && !inBody) {
            write(b[i++]);
        }
        if (i < end) {
            body.write(b, i, end - i);
        }
    }

    private void endHeaderLine() {
        int size = currentLine.size();
        byte[] line = currentLine.toByteArray();
        currentLine.reset();
        if (size == 1 || (size == 2 && line[0] == '\r')) {
            inBody = true;
            return;
        }
        headerSection.write(line, 0, size);
    }

    /** Flushes what is pending; call once the whole message has been written. */
    void finish() throws IOException {
        if (!inBody && currentLine.size() > 0) {
            currentLine.write('\n');
            endHeaderLine();
        }
        body.finish();
        body.flush();
    }

    /** The header fields, each with its continuation lines, LF-terminated, flagged as Exim flags them. */
    List<HeaderLine> headers() {
        byte[] all = headerSection.toByteArray();
        List<HeaderLine> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream(128);
        int lineStart = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] != '\n') {
                continue;
            }
            int lineEnd = i > lineStart && all[i - 1] == '\r' ? i - 1 : i;
            boolean continuation = lineStart < all.length && (all[lineStart] == ' ' || all[lineStart] == '\t');
            if (!continuation && field.size() > 0) {
                fields.add(HeaderLine.of(field.toByteArray()));
                field.reset();
            }
            field.write(all, lineStart, lineEnd - lineStart);
            field.write('\n');
            lineStart = i + 1;
        }
        if (field.size() > 0) {
            fields.add(HeaderLine.of(field.toByteArray()));
        }
        return fields;
    }

    long bodyLineCount() {
        return body.lineCount();
    }

    long bodyNewlines() {
        return body.newlines();
    }

    long bodyBytes() {
        return body.bytesWritten();
    }
}
