package org.jexim.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The header changes of a transport on a message with LF lines, streamed: the added headers
 * before the message's own, each field unless its name is removed (continuation lines go with
 * their field), the appended headers and the blank line, then the body as it comes. Only the
 * start of a field's first line is held, until its name is known.
 */
final class HeaderEditingStage extends StreamStage {
    /** A first line longer than this without a colon keeps its field (no removable name is that long). */
    private static final int NAME_LIMIT = 65536;

    private final List<byte[]> before;
    private final List<byte[]> after;
    private final List<String> removed;
    private final boolean headers;
    private final boolean body;
    private final EscapingStage escaping;
    private final ByteArrayOutputStream firstLine = new ByteArrayOutputStream(256);
    private boolean begun;
    private boolean inHeader = true;
    private boolean lineStart = true;
    private boolean fieldOpen;
    private boolean deciding;
    private boolean keep;

    /**
     * @param escaping the escaping stage after this one ({@code next}), told where the body starts; or null
     */
    HeaderEditingStage(OutputStream next, EscapingStage escaping, List<byte[]> before, List<byte[]> after,
            List<String> removed, boolean headers, boolean body) {
        super(next, escaping != null);
        this.escaping = escaping;
        this.before = before;
        this.after = after;
        this.removed = removed;
        this.headers = headers;
        this.body = body;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (!inHeader) {
            if (body) {
                emit(b, off, len);
            }
            return;
        }
        int end = off + len;
        int i = off;
        while (i < end && inHeader) {
            take(b[i++] & 0xff);
        }
        if (i < end && body) {
            emit(b, i, end - i);
        }
    }

    @Override
    protected void take(int c) throws IOException {
        begin();
        if (!inHeader) {
            if (body) {
                emit(c);
            }
            return;
        }
        if (lineStart) {
            lineStart = false;
            if (c == '\n') {
                endHeader();
                return;
            }
            if (!(fieldOpen && (c == ' ' || c == '\t'))) {
                fieldOpen = true;
                deciding = true;
                firstLine.reset();
            }
        }
        if (deciding) {
            firstLine.write(c);
            if (c == ':' || c == '\n' || firstLine.size() > NAME_LIMIT) {
                decide();
            }
        } else if (keep && headers) {
            emit(c);
        }
        if (c == '\n') {
            lineStart = true;
        }
    }

    private void begin() throws IOException {
        if (!begun) {
            begun = true;
            if (headers) {
                for (byte[] h : before) {
                    emit(h);
                }
            }
        }
    }

    private void decide() throws IOException {
        deciding = false;
        byte[] held = firstLine.toByteArray();
        int n = 0;
        while (n < held.length && held[n] != ':' && held[n] != '\n') {
            n++;
        }
        String name = new String(held, 0, n, StandardCharsets.ISO_8859_1).strip().toLowerCase(Locale.ROOT);
        keep = !removed.contains(name);
        if (keep && headers) {
            emit(held);
        }
    }

    private void endHeader() throws IOException {
        if (deciding) {
            decide();
        }
        inHeader = false;
        if (headers) {
            for (byte[] h : after) {
                emit(h);
            }
            emit('\n');
        }
        if (escaping != null) {
            drain();
            escaping.startBody();
        }
    }

    @Override
    protected void end() throws IOException {
        begin();
        if (inHeader) {
            endHeader();
        }
    }
}
