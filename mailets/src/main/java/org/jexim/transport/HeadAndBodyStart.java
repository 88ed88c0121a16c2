package org.jexim.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BiFunction;

/** Reads a message's header and the start of its body (LF lines) from its source, counting the rest. */
public final class HeadAndBodyStart {
    private HeadAndBodyStart() {
    }

    /**
     * @param bodyLimit how many body bytes to keep (all when not positive)
     * @param parse gets the header, blank line and kept body, and the whole body's size
     */
    public static <T> T read(MessageSource source, long bodyLimit, BiFunction<byte[], Long, T> parse) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long[] bodySize = new long[1];
        OutputStream body = new OutputStream() {
            @Override
            public void write(int b) {
                if (bodyLimit <= 0 || bodySize[0] < bodyLimit) {
                    kept.write(b);
                }
                bodySize[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                long room = bodyLimit <= 0 ? len : Math.max(0, Math.min(len, bodyLimit - bodySize[0]));
                kept.write(b, off, (int) room);
                bodySize[0] += len;
            }
        };
        HeaderSplitStage split = new HeaderSplitStage(body);
        try (StreamStage lf = new LfStage(split, true)) {
            source.writeTo(lf);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(split.header());
        if (!split.sawBody()) {
            all.write('\n');
        }
        kept.writeTo(all);
        return parse.apply(all.toByteArray(), bodySize[0]);
    }
}
