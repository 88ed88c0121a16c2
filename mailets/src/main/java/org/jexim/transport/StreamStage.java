package org.jexim.transport;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One step of the pipeline a transport writes a message through (line ends, header edits,
 * escaping, dot-stuffing): bytes in, bytes out to the next stage, buffered, never the whole
 * message. {@link #finish} ends the input: the stage writes what it held back, then finishes the
 * next stage when it is part of the same chain, else flushes it; a sink is never closed.
 */
abstract class StreamStage extends OutputStream {
    private final OutputStream next;
    private final byte[] buffer = new byte[16384];
    private int used;
    private final boolean finishesNext;
    private boolean finished;

    /** A stage writing to a sink it does not own: finishing it flushes the sink. */
    StreamStage(OutputStream next) {
        this(next, false);
    }

    /** @param finishesNext whether {@code next} is the following stage of this chain, finished with it */
    StreamStage(OutputStream next, boolean finishesNext) {
        this.next = next;
        this.finishesNext = finishesNext && next instanceof StreamStage;
    }

    /** Takes one byte of input. */
    protected abstract void take(int b) throws IOException;

    /** Called once at the end of the input, before the next stage is finished. */
    protected void end() throws IOException {
    }

    @Override
    public void write(int b) throws IOException {
        take(b & 0xff);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            take(b[i] & 0xff);
        }
    }

    protected final void emit(int b) throws IOException {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = (byte) b;
    }

    protected final void emit(byte[] b) throws IOException {
        emit(b, 0, b.length);
    }

    protected final void emit(byte[] b, int off, int len) throws IOException {
        if (len > buffer.length - used) {
            drain();
            if (len > buffer.length) {
                next.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buffer, used, len);
        used += len;
    }

    /** Hands what this stage buffered to the next one (needed before changing the next stage's mode). */
    protected final void drain() throws IOException {
        if (used > 0) {
            next.write(buffer, 0, used);
            used = 0;
        }
    }

    /** Ends the input of this stage and of the stages after it. */
    final void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        end();
        drain();
        if (finishesNext) {
            ((StreamStage) next).finish();
        } else {
            next.flush();
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        next.flush();
    }

    /** Finishes; the sink stays open for its owner. */
    @Override
    public void close() throws IOException {
        finish();
    }
}
