package org.jexim.transport;

import java.io.IOException;
import java.io.OutputStream;

/** SMTP DATA transparency: a line starting with a dot gets another (lines already end in CRLF). */
final class DotStuffingStage extends StreamStage {
    private boolean lineStart = true;

    DotStuffingStage(OutputStream next) {
        super(next);
    }

    @Override
    protected void take(int b) throws IOException {
        if (lineStart && b == '.') {
            emit('.');
        }
        emit(b);
        lineStart = b == '\n';
    }
}
