package org.jexim.smtp.wire;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSessionImpl;
import org.apache.james.protocols.netty.BasicChannelInboundHandler;

/**
 * smtp_receive_timeout: a client silent for that long gets Exim's 421 (worded by the
 * {@link IdleReply}) and the connection closes; James's own timeout handler closed it silently.
 */
final class ReceiveTimeout extends IdleStateHandler {
    private final IdleReply reply;

    ReceiveTimeout(int seconds, IdleReply reply) {
        super(seconds, 0, 0);
        this.reply = reply;
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
        if (evt.state() != io.netty.handler.timeout.IdleState.READER_IDLE) {
            return;
        }
        if (ctx.channel().attr(BasicChannelInboundHandler.SESSION_ATTRIBUTE_KEY).get() instanceof ProtocolSession session) {
            ((ProtocolSessionImpl) session).getProtocolTransport().writeResponse(reply.timedOut(session), session);
        } else {
            ctx.channel().close();
        }
    }
}
