package org.jexim.smtp.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSessionImpl;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.netty.BasicChannelInboundHandler;

/**
 * Cuts the client's input as Exim's smtp_in.c reads it, in place of James's line framer: one
 * command line at a time (the framer runs on the connection's event loop, so each line is
 * handled before the next is cut, and handlers see the state it left); a command line longer
 * than Exim's 16384-byte buffer is an unrecognized command, and its rest the next one; message
 * data lines go through unparsed; a BDAT chunk goes through as raw bytes. Input read in clear
 * behind a STARTTLS that was accepted is discarded, as Exim wipes its buffer before the
 * handshake: nothing sent before TLS is ever taken as a command inside it. The input behind
 * each command line is recorded in {@link InputState} and offered to the {@link CommandGate}
 * (Exim's smtp_enforce_sync).
 */
public final class SmtpInputDecoder extends ByteToMessageDecoder {
    /** Exim's SMTP_CMD_BUFFER_SIZE. */
    static final int COMMAND_BUFFER = 16384;
    /** A message line longer than this is passed on in pieces. */
    static final int DATA_LINE_LIMIT = 1 << 20;
    /** Exim logs at most this much of the input sent too soon. */
    static final int PENDING_PREVIEW = 150;
    /** What an over-long command line becomes: a verb no handler knows, answered 500 unrecognized command. */
    static final byte[] OVERLONG = "X-JEXIM-OVERLONG-COMMAND\r\n".getBytes(StandardCharsets.US_ASCII);

    private final CommandGate gate;
    private boolean tlsSeen;
    private boolean closing;

    public SmtpInputDecoder(CommandGate gate) {
        this.gate = gate;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!tlsSeen && tls(ctx)) {
            // the first bytes after the handshake (or of a TLS-on-connect port): what is left of
            // the clear input was sent behind STARTTLS, and must not run inside TLS
            tlsSeen = true;
            ByteBuf clear = internalBuffer();
            clear.skipBytes(clear.readableBytes());
        }
        super.channelRead(ctx, msg);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!closing && !tlsSeen && tls(ctx)) {
            // STARTTLS was accepted while this clear input was being cut: Exim's "naive attack" wipe
            tlsSeen = true;
            in.skipBytes(in.readableBytes());
            return;
        }
        if (closing) {
            in.skipBytes(in.readableBytes());
            return;
        }
        ProtocolSession session = ctx.channel().attr(BasicChannelInboundHandler.SESSION_ATTRIBUTE_KEY).get() instanceof ProtocolSession s
                ? s : null;
        InputState input = session == null ? new InputState() : InputState.of(session);
        if (input.openAtAccept() == 0 && ctx.channel().attr(ConnectionCount.OPEN_AT_ACCEPT).get() != null) {
            input.openAtAccept(ctx.channel().attr(ConnectionCount.OPEN_AT_ACCEPT).get());
        }
        if (input.chunkLeft() > 0) {
            int n = (int) Math.min(input.chunkLeft(), in.readableBytes());
            input.chunkTaken(n);
            out.add(in.readRetainedSlice(n));
            return;
        }
        if (input.inData()) {
            data(input, in, out);
            return;
        }
        int limit = COMMAND_BUFFER;
        int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        int length = eol < 0 ? -1 : eol - in.readerIndex() + 1;
        if (length < 0 || length > limit) {
            if (in.readableBytes() <= limit && length < 0) {
                return; // the rest of the line has not arrived yet
            }
            // smtp_read_command gives up on the line after the buffer is full, losing one more character
            in.skipBytes(limit + 1);
            input.pendingInput("");
            out.add(io.netty.buffer.Unpooled.wrappedBuffer(OVERLONG));
            return;
        }
        ByteBuf line = in.readRetainedSlice(length);
        String pending = in.toString(in.readerIndex(), Math.min(in.readableBytes(), PENDING_PREVIEW), StandardCharsets.ISO_8859_1);
        input.pendingInput(pending);
        Optional<Response> refusal = session == null ? Optional.empty()
                : gate.refuse(session, commandText(line), pending);
        if (refusal.isPresent()) {
            // answered here, never dispatched; a closing answer ends the reading too
            line.release();
            if (refusal.get().isEndSession()) {
                closing = true;
                in.skipBytes(in.readableBytes());
            }
            ((ProtocolSessionImpl) session).getProtocolTransport().writeResponse(refusal.get(), session);
            return;
        }
        input.command(commandText(line));
        out.add(line);
    }

    /** The command as Exim keeps it in smtp_cmd_buffer: trailing white space (and the CR) removed. */
    private static String commandText(ByteBuf line) {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean tls(ChannelHandlerContext ctx) {
        return ctx.pipeline().get(SslHandler.class) != null;
    }

    /** The next message line(s) as Exim cuts DATA input ({@link DataFraming}). */
    private static void data(InputState input, ByteBuf in, List<Object> out) {
        DataFraming framing = input.dataFraming();
        if (framing.frame(in, out) && framing.ended()) {
            input.dataEnded();
        }
    }
}
