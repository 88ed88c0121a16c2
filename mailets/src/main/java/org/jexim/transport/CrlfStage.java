package org.jexim.transport;

import java.io.IOException;
import java.io.OutputStream;

/** LF lines (as the transports compose them) become CRLF lines, for SMTP, LMTP and DKIM. */
final class CrlfStage extends StreamStage {
    CrlfStage(OutputStream next) {
        super(next);
    }

    CrlfStage(OutputStream next, boolean finishesNext) {
        super(next, finishesNext);
    }

    @Override
    protected void take(int b) throws IOException {
        if (b == '\n') {
            emit('\r');
        }
        emit(b);
    }
}
