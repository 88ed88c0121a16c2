package org.jexim.smtp.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Cuts SMTP DATA input into CRLF lines for James's data handlers as Exim 4.96 reads it
 * ({@link DataLineRules}): a bare LF or bare CR never smuggles an end of data in. Plain lines of a
 * CRLF client's body pass as slices of the input, untouched; the others are re-made, dot-stuffed
 * again for James (which only unstuffs "..").
 */
final class DataFraming {
    private static final byte[] END = {'.', '\r', '\n'};
    private final int limit;
    private final DataLineRules rules = new DataLineRules();
    private boolean midLine;

    /** {@code limit}: a line longer than this is passed on in pieces. */
    DataFraming(int limit) {
        this.limit = limit;
    }

    /** Whether the line that ends the data has been passed on. */
    boolean ended() {
        return rules.ended();
    }

    /**
     * Takes the next segment (or a piece of an over-long line) from {@code in} into {@code out}; false
     * when more input is needed first.
     */
    boolean frame(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int lf = rules.anyLf() ? in.indexOf(start, in.writerIndex(), (byte) '\n') : indexOfCrlfEnd(in, start);
        if (lf < 0) {
            if (in.readableBytes() <= limit) {
                return false;
            }
            out.add(in.readRetainedSlice(limit));
            midLine = true;
            return true;
        }
        boolean crlf = lf > start && in.getByte(lf - 1) == '\r';
        int length = lf - start - (crlf ? 1 : 0);
        if (!midLine && crlf && rules.plainBody() && plain(in, start, length)) {
            out.add(in.readRetainedSlice(lf + 1 - start)); // the common case, checked on the bytes
            return true;
        }
        String text = in.toString(start, length, StandardCharsets.ISO_8859_1);
        in.skipBytes(lf + 1 - start);
        if (midLine) {
            // the end of an over-long line already passed on in pieces
            midLine = false;
            out.add(Unpooled.copiedBuffer(text + "\r\n", StandardCharsets.ISO_8859_1));
            return true;
        }
        List<String> lines = rules.take(text, crlf);
        if (rules.ended()) {
            out.add(Unpooled.wrappedBuffer(END));
            return true;
        }
        for (String line : lines) {
            out.add(Unpooled.copiedBuffer((line.startsWith(".") ? "." : "") + line + "\r\n", StandardCharsets.ISO_8859_1));
        }
        return true;
    }

    /** No CR or LF inside, and no leading dot (a lone dot or ".." James handles itself). */
    private static boolean plain(ByteBuf in, int start, int length) {
        if (in.indexOf(start, start + length, (byte) '\r') >= 0 || in.indexOf(start, start + length, (byte) '\n') >= 0) {
            return false;
        }
        return length == 0 || in.getByte(start) != '.' || length > 1 && in.getByte(start + 1) == '.';
    }

    /** The index of the LF of the next CRLF, or -1. */
    private static int indexOfCrlfEnd(ByteBuf in, int from) {
        int i = from;
        while (true) {
            int lf = in.indexOf(i, in.writerIndex(), (byte) '\n');
            if (lf < 0) {
                return -1;
            }
            if (lf > from && in.getByte(lf - 1) == '\r') {
                return lf;
            }
            i = lf + 1;
        }
    }
}
