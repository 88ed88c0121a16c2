package org.jexim.transport;

import java.io.IOException;
import java.io.OutputStream;

/** A message source that remembers its LF size after the first measuring pass. */
final class MeasuredSource implements MessageSource {
    private final MessageSource source;
    private long lfSize = -1;

    MeasuredSource(MessageSource source) {
        this.source = source;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        source.writeTo(out);
    }

    @Override
    public synchronized long lfSize() throws IOException {
        if (lfSize < 0) {
            lfSize = source.lfSize();
        }
        return lfSize;
    }
}
