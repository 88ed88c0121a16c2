package org.jexim.queue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Turns CRLF line ends into LF, as Exim stores message data on its spool; counts the lines written. */
final class CrlfToLfOutputStream extends FilterOutputStream {
    private boolean pendingCr;
    private long lines;
    private long bytes;
    private int lastByte = -1;

    CrlfToLfOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (pendingCr) {
            pendingCr = false;
            if (b != '\n') {
                emit('\r');
            }
        }
        if (b == '\r') {
            pendingCr = true;
            return;
        }
        emit(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            byte c = b[i];
            if (pendingCr || c == '\r') {
                flushRun(b, start, i);
                write(c);
                start = i + 1;
            } else if (c == '\n') {
                lines++;
            }
        }
        flushRun(b, start, end);
    }

    private void flushRun(byte[] b, int from, int to) throws IOException {
        if (to > from) {
            out.write(b, from, to - from);
            bytes += to - from;
            lastByte = b[to - 1] & 0xff;
        }
    }

    private void emit(int b) throws IOException {
        out.write(b);
        bytes++;
        lastByte = b & 0xff;
        if (b == '\n') {
            lines++;
        }
    }

    /** Writes a CR held back at the end of the data, which no LF followed. */
    void finish() throws IOException {
        if (pendingCr) {
            pendingCr = false;
            emit('\r');
        }
    }

    /** Exim's body_linecount: the newlines, plus one for an unterminated last line. */
    long lineCount() {
        return lines + (bytes > 0 && lastByte != '\n' ? 1 : 0);
    }

    long bytesWritten() {
        return bytes;
    }

    long newlines() {
        return lines;
    }
}
