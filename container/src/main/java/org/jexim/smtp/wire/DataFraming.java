package org.jexim.smtp.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;

/**
 * Cuts SMTP DATA input into CRLF lines for James's data handlers as Exim 4.96 reads it
 * ({@link SmtpDataReader}): a bare LF or bare CR never smuggles an end of data in. Plain lines of a
 * CRLF client's body pass as slices of the input, untouched; the others are the lines Exim stores,
 * CRLF-ended and dot-stuffed again for James (which unstuffs ".." and ends at ".").
 */
final class DataFraming {
    private static final byte[] END = {'.', '\r', '\n'};
    private final int limit;
    private final SmtpDataReader reader = new SmtpDataReader();

    /** {@code limit}: a line longer than this is passed on in pieces. */
    DataFraming(int limit) {
        this.limit = limit;
    }

    /** Whether the line that ends the data has been passed on. */
    boolean ended() {
        return reader.ended();
    }

    /** What follows "lost while reading message data" if the input ends now. */
    String lostSuffix() {
        return reader.lostSuffix();
    }

    /**
     * Takes the next line or lines from {@code in} into {@code out}; false when more input is
     * needed first.
     */
    boolean frame(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int lf = in.indexOf(start, in.writerIndex(), (byte) '\n');
        if (lf > start && reader.atCrlfBodyLine() && plainCrlfLine(in, start, lf)) {
            // the common case: Exim stores the line as it came, so it goes on as it came
            out.add(in.readRetainedSlice(lf + 1 - start));
            return true;
        }
        int stop = lf < 0 ? in.writerIndex() : lf + 1;
        boolean ended = false;
        while (!ended && in.readerIndex() < stop) {
            ended = reader.accept(in.readByte() & 0xff);
        }
        int before = out.size();
        reader.drainLines(limit, line -> {
            ByteBuf b = Unpooled.buffer(line.length + 3);
            if (line.length > 0 && line[0] == '.') {
                b.writeByte('.');
            }
            out.add(b.writeBytes(line).writeByte('\r').writeByte('\n'));
        });
        if (ended) {
            out.add(Unpooled.wrappedBuffer(END));
        }
        return out.size() > before || in.readerIndex() > start;
    }

    /** A line ending in CRLF with no other CR or LF, and no leading dot. */
    private static boolean plainCrlfLine(ByteBuf in, int start, int lf) {
        return in.getByte(lf - 1) == '\r' && in.getByte(start) != '.'
                && in.indexOf(start, lf - 1, (byte) '\r') < 0;
    }
}
