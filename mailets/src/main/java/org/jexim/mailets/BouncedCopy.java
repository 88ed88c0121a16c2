package org.jexim.mailets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;

/**
 * The part of a message a bounce, delay warning or success DSN can need, read from the mail as it streams by: the whole
 * header and the body up to twice what bounce_return_size_limit lets a bounce return (rounded as
 * Exim rounds it), so that {@link org.jexim.bounce.BounceMessage} still sees a message too big to
 * return, while a large message is never held whole.
 */
final class BouncedCopy extends OutputStream {
    /** Exim's DELIVER_IN_BUFFER_SIZE, to which the limit is rounded up. */
    private static final int BUFFER = 8192;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final long bodyLimit;
    private long body;
    private int state; // 0 line start, 1 in a line, 2 CR at line start, 3 body

    private BouncedCopy(long bodyLimit) {
        this.bodyLimit = bodyLimit;
    }

    /**
     * @param limit bounce_return_size_limit, 0 for none
     * @param returnBody bounce_return_body: without it only the header is needed
     */
    static byte[] of(Mail mail, long limit, boolean returnBody) throws MessagingException {
        // CRLF lines: twice the rounded limit in raw bytes is past it in LF bytes, whatever the line lengths
        long keep = !returnBody ? 0 : limit <= 0 ? Long.MAX_VALUE : 2 * ((limit / BUFFER + 1) * BUFFER + 1);
        BouncedCopy copy = new BouncedCopy(keep);
        try {
            mail.getMessage().writeTo(copy);
        } catch (IOException e) {
            throw new MessagingException("cannot read message " + mail.getName(), e);
        }
        return copy.kept.toByteArray();
    }

    /** The header only (and its blank line): what delay warnings and success DSNs return. */
    static byte[] header(Mail mail) throws MessagingException {
        return of(mail, 0, false);
    }

    @Override
    public void write(int b) {
        if (state == 3) {
            if (body++ < bodyLimit) {
                kept.write(b);
            }
            return;
        }
        kept.write(b);
        if (b == '\n') {
            state = state == 0 || state == 2 ? 3 : 0;
        } else {
            state = state == 0 && b == '\r' ? 2 : 1;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        int i = off;
        while (i < off + len && state != 3) {
            write(b[i++]);
        }
        int rest = off + len - i;
        if (rest > 0) {
            long room = Math.max(0, Math.min(rest, bodyLimit - body));
            kept.write(b, i, (int) room);
            body += rest;
        }
    }
}
