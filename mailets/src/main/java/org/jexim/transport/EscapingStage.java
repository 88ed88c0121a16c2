package org.jexim.transport;

import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code check_string}/{@code escape_string} as Exim's write_chunk applies them: a line that
 * starts with the check string gets the escape string instead. As in Exim, checking starts
 * after the first newline it sees (the first line is not checked) or at {@link #startBody},
 * and while {@link #checking} is off (the header, unless the transport escapes headers) no
 * line is checked.
 */
final class EscapingStage extends StreamStage {
    private final byte[] check;
    private final byte[] escape;
    private boolean checking;
    /** -1: not at the start of a line; else how many bytes of the check string the line has matched. */
    private int matched = -1;

    EscapingStage(OutputStream next, byte[] check, byte[] escape, boolean checking) {
        super(next);
        this.check = check;
        this.escape = escape;
        this.checking = checking;
    }

    /** The body starts (the header's blank line was written): its first line is checked. */
    void startBody() throws IOException {
        drain();
        checking = true;
        matched = 0;
    }

    @Override
    protected void take(int b) throws IOException {
        if (matched < 0 || !checking) {
            emit(b);
            if (b == '\n' && checking) {
                matched = 0;
            }
            return;
        }
        if (b == check[matched]) {
            if (++matched == check.length) {
                emit(escape);
                matched = -1;
            }
            return;
        }
        // not the check string after all: the held bytes go out as ordinary text, the first as is
        int held = matched;
        matched = -1;
        byte[] again = new byte[held + 1];
        System.arraycopy(check, 0, again, 0, held);
        again[held] = (byte) b;
        emit(again[0]);
        if (again[0] == '\n') {
            matched = 0;
        }
        for (int i = 1; i < again.length; i++) {
            take(again[i] & 0xff);
        }
    }

    @Override
    protected void end() throws IOException {
        if (matched > 0) {
            emit(check, 0, matched);
        }
    }
}
