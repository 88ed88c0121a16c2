package org.jexim.smtp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPSession;

/**
 * A message arriving in BDAT chunks, fed to the same line filters and message hooks as DATA
 * (Received: header, size limit, DATA ACL, spool): the chunks' bytes are cut into lines as
 * Exim's read_message_bdat_smtp cuts them (LF, CRLF or a bare CR ends a line; a last line
 * without one is ended), dot-stuffed, and the message ends with the final dot after the LAST
 * chunk, whose reply is the message's. Each chunk is pushed as the session's line handler for
 * exactly its size; a chunk that is not the last is acknowledged with {@code 250 N byte chunk
 * received}.
 */
final class ChunkedMessage implements LineHandler<SMTPSession> {
    private static final java.util.regex.Pattern HEADER = java.util.regex.Pattern.compile("[!-9;-~]+:");
    private static final ProtocolSession.AttachmentKey<ChunkedMessage> KEY =
            ProtocolSession.AttachmentKey.of("jexim.bdat", ChunkedMessage.class);

    private final LineHandler<SMTPSession> data;
    private final java.util.function.Consumer<String> abandoned;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private boolean crSeen;
    private long chunkSize;
    private long left;
    private boolean last;
    private boolean betweenChunks;
    private boolean onlyRset;
    private Response early;
    /** How the first line ended: null before it has, else whether with CRLF. */
    private Boolean firstLineCrlf;
    /** Exim's message_size + message_linecount: the message as received, in CRLF lines. */
    private long total;

    private ChunkedMessage(LineHandler<SMTPSession> data, java.util.function.Consumer<String> abandoned) {
        this.data = data;
        this.abandoned = abandoned;
    }

    /**
     * Starts a message whose lines go to {@code data}, DATA's line handler chain; {@code abandoned}
     * logs the reason when the message is refused before its end.
     */
    static ChunkedMessage start(SMTPSession session, LineHandler<SMTPSession> data, java.util.function.Consumer<String> abandoned) {
        ChunkedMessage message = new ChunkedMessage(data, abandoned);
        session.setAttachment(KEY, message, ProtocolSession.State.Transaction);
        return message;
    }

    /** The message of this transaction whose chunks are arriving, if any (RSET forgets it). */
    static Optional<ChunkedMessage> inProgress(SMTPSession session) {
        return session.getAttachment(KEY, ProtocolSession.State.Transaction);
    }

    /** Expects the next chunk, of {@code size} bytes (more than 0). */
    void expect(long size, boolean lastChunk) {
        chunkSize = size;
        left = size;
        last = lastChunk;
        betweenChunks = false;
    }

    /** Acknowledges a first chunk of no bytes, as receive_msg does. */
    Response emptyChunk() {
        betweenChunks = true;
        return JamesReplies.response(SmtpReply.of("250", "0 byte chunk received"));
    }

    /** Whether a chunk was acknowledged and the next BDAT is awaited. */
    boolean betweenChunks() {
        return betweenChunks;
    }

    /** After a command other than BDAT between chunks Exim accepts only RSET (and QUIT). */
    boolean onlyRset() {
        return onlyRset;
    }

    void onlyRset(boolean set) {
        onlyRset = set;
    }

    @Override
    public Response onLine(SMTPSession session, byte[] bytes) {
        for (byte b : bytes) {
            if (early != null) {
                break;
            }
            take(session, b);
        }
        left -= bytes.length;
        if (early != null) {
            // the message is abandoned; the rest of this chunk is read and dropped (bdat_flush_data)
            session.popLineHandler();
            if (left > 0) {
                session.pushLineHandler(new ChunkDiscard(left));
            }
            session.resetState();
            return early;
        }
        if (left > 0) {
            return null;
        }
        session.popLineHandler();
        if (!last) {
            betweenChunks = true;
            return JamesReplies.response(SmtpReply.of("250", chunkSize + " byte chunk received"));
        }
        return finish(session);
    }

    /** Ends the message (BDAT LAST): the last line is completed and the final dot sent; the reply is the message's. */
    Response finish(SMTPSession session) {
        if (crSeen || partial.size() > 0) {
            // the end of the data ends the last line, as with CRLF
            crSeen = false;
            line(session, true);
        }
        session.removeAttachment(KEY, ProtocolSession.State.Transaction);
        if (early != null) {
            return early;
        }
        Response reply = data.onLine(session, ".\r\n".getBytes(StandardCharsets.US_ASCII));
        return withChunkLine(reply);
    }

    /** Exim's default acceptance of a chunked message names the last chunk and the total first. */
    private Response withChunkLine(Response reply) {
        if (reply == null || !"250".equals(reply.getRetCode()) || reply.getLines().size() != 1
                || !reply.getLines().get(0).toString().startsWith("250 OK id=")) {
            return reply;
        }
        return JamesReplies.response(SmtpReply.of("250", " " + (last ? chunkSize : 0) + " byte chunk, total " + total
                + "\n" + reply.getLines().get(0).toString().substring(4)));
    }

    private void take(SMTPSession session, byte b) {
        if (crSeen) {
            crSeen = false;
            line(session, b == '\n');
            if (b == '\n') {
                return;
            }
        }
        if (b == '\r') {
            crSeen = true;
        } else if (b == '\n') {
            line(session, false);
        } else {
            partial.write(b);
        }
    }

    private void line(SMTPSession session, boolean crlf) {
        if (firstLineCrlf == null) {
            firstLineCrlf = crlf;
            if (!crlf) {
                // receive_msg abandons a CHUNKING message whose first line is not CRLF-terminated
                early = JamesReplies.response(SmtpReply.of("552", "Message header not CRLF terminated"));
                abandoned.accept("Non-CRLF-terminated header, under CHUNKING: message abandoned");
                return;
            }
            if (!HEADER.matcher(partial.toString(StandardCharsets.ISO_8859_1)).lookingAt() && partial.size() > 0) {
                total++; // Exim puts a blank line before a message that starts without a header
            }
        }
        total += partial.size() + 2;
        byte[] content = partial.toByteArray();
        partial.reset();
        boolean dot = content.length > 0 && content[0] == '.';
        byte[] line = new byte[content.length + 2 + (dot ? 1 : 0)];
        int at = 0;
        if (dot) {
            line[at++] = '.';
        }
        System.arraycopy(content, 0, line, at, content.length);
        line[line.length - 2] = '\r';
        line[line.length - 1] = '\n';
        Response response = data.onLine(session, line);
        if (response != null) {
            early = response;
        }
    }
}
