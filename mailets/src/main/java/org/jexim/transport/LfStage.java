package org.jexim.transport;

import java.io.IOException;
import java.io.OutputStream;

/** CRLF becomes LF (a lone CR stays); a last line without its newline gets one, as Exim's spool has. */
final class LfStage extends StreamStage {
    private boolean cr;
    private int last = -1;

    LfStage(OutputStream next) {
        super(next);
    }

    LfStage(OutputStream next, boolean finishesNext) {
        super(next, finishesNext);
    }

    @Override
    protected void take(int b) throws IOException {
        if (cr) {
            cr = false;
            if (b != '\n') {
                out('\r');
            }
        }
        if (b == '\r') {
            cr = true;
            return;
        }
        out(b);
    }

    private void out(int b) throws IOException {
        last = b;
        emit(b);
    }

    @Override
    protected void end() throws IOException {
        if (cr) {
            out('\r');
        }
        if (last != -1 && last != '\n') {
            out('\n');
        }
    }
}
