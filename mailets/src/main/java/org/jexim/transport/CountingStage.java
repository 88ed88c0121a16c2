package org.jexim.transport;

import java.io.IOException;
import java.io.OutputStream;

/** Passes bytes on and counts them: the size of what a transport wrote, or of a message it only measures. */
final class CountingStage extends StreamStage {
    private long count;

    CountingStage(OutputStream next) {
        super(next);
    }

    /** Counts and discards. */
    static CountingStage discarding() {
        return new CountingStage(OutputStream.nullOutputStream());
    }

    @Override
    protected void take(int b) throws IOException {
        count++;
        emit(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        count += len;
        emit(b, off, len);
    }

    long count() {
        return count;
    }
}
