package org.jexim.smtp.wire;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the open connections of one server, in total and per client address, and asks the
 * {@link Admission} about each new one; a refused connection gets its reply and is closed
 * before the SMTP session starts (no banner, no ACL, not counted), as Exim's daemon refuses it.
 */
@ChannelHandler.Sharable
final class ConnectionCount extends ChannelInboundHandlerAdapter {
    private static final AttributeKey<Boolean> COUNTED = AttributeKey.valueOf("jexim.counted");
    /** How many connections were open, this one included, when it was accepted (Exim's smtp_accept_count). */
    static final AttributeKey<Integer> OPEN_AT_ACCEPT = AttributeKey.valueOf("jexim.openAtAccept");

    private final Admission admission;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, AtomicInteger> perIp = new ConcurrentHashMap<>();

    ConnectionCount(Admission admission) {
        this.admission = admission;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        String ip = ctx.channel().remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : "";
        AtomicInteger fromIp = perIp.computeIfAbsent(ip, k -> new AtomicInteger());
        Optional<String> refusal = admission.refuse(ip, total.get(), fromIp.get());
        if (refusal.isPresent()) {
            ctx.writeAndFlush(Unpooled.copiedBuffer(refusal.get(), StandardCharsets.ISO_8859_1)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        int count = total.incrementAndGet();
        fromIp.incrementAndGet();
        int port = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getPort() : 0;
        org.jexim.log.SmtpConnectionLog.main().connected(org.jexim.log.SmtpPeer.of(ip, port), count);
        ctx.channel().attr(COUNTED).set(Boolean.TRUE);
        ctx.channel().attr(OPEN_AT_ACCEPT).set(count);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().attr(COUNTED).get() == null) {
            return; // refused: the session never started
        }
        total.decrementAndGet();
        String ip = ctx.channel().remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : "";
        perIp.computeIfPresent(ip, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (ctx.channel().attr(COUNTED).get() == null) {
            io.netty.util.ReferenceCountUtil.release(msg); // input of a refused connection
            return;
        }
        super.channelRead(ctx, msg);
    }
}
