package org.jexim.smtp;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPSession;

/** Reads and drops the chunk of a refused BDAT, as Exim's bdat_flush_data does. */
final class ChunkDiscard implements LineHandler<SMTPSession> {
    private long left;

    ChunkDiscard(long size) {
        this.left = size;
    }

    @Override
    public Response onLine(SMTPSession session, byte[] bytes) {
        left -= bytes.length;
        if (left <= 0) {
            session.popLineHandler();
        }
        return null;
    }
}
