package org.jexim.queue;

import java.io.IOException;
import java.io.InputStream;

/** Turns the LF line ends of spooled data back into the CRLF of the wire and of James's messages. */
final class LfToCrlfInputStream extends InputStream {
    private final InputStream in;
    private final byte[] raw = new byte[8192];
    private final byte[] expanded = new byte[2 * 8192];
    private int position;
    private int limit;

    LfToCrlfInputStream(InputStream in) {
        this.in = in;
    }

    private boolean fill() throws IOException {
        int n = in.read(raw);
        if (n < 0) {
            return false;
        }
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (raw[i] == '\n') {
                expanded[j++] = '\r';
            }
            expanded[j++] = raw[i];
        }
        position = 0;
        limit = j;
        return true;
    }

    @Override
    public int read() throws IOException {
        while (position >= limit) {
            if (!fill()) {
                return -1;
            }
        }
        return expanded[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position >= limit) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(expanded, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return limit - position;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
