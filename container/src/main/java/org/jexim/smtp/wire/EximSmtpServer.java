package org.jexim.smtp.wire;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.util.Optional;
import org.apache.james.protocols.netty.AbstractChannelPipelineFactory;
import org.apache.james.protocols.netty.ConnectionLimitUpstreamHandler;
import org.apache.james.protocols.netty.ConnectionPerIpLimitUpstreamHandler;
import org.apache.james.protocols.netty.Encryption;
import org.apache.james.protocols.netty.HandlerConstants;
import org.apache.james.protocols.netty.TimeoutHandler;
import org.apache.james.smtpserver.netty.SMTPServer;
import org.apache.james.smtpserver.netty.SmtpMetricsImpl;

/**
 * James's SMTP server with Exim's input handling: the same channel pipeline as James builds,
 * except that the line framer is {@link SmtpInputDecoder} and runs on the connection's event
 * loop together with the handlers, so that each command is handled before the next is read.
 */
public final class EximSmtpServer extends SMTPServer {
    private final CommandGate gate;

    public EximSmtpServer(SmtpMetricsImpl metrics, CommandGate gate) {
        super(metrics);
        this.gate = gate;
    }

    @Override
    protected AbstractChannelPipelineFactory createPipelineFactory() {
        return new Pipeline();
    }

    /** The channel pipeline of one connection. */
    private final class Pipeline extends AbstractChannelPipelineFactory<SocketChannel> {
        private final Optional<ConnectionLimitUpstreamHandler> limit = ConnectionLimitUpstreamHandler.forCount(connectionLimit);
        private final Optional<ConnectionPerIpLimitUpstreamHandler> perIp = ConnectionPerIpLimitUpstreamHandler.forCount(connPerIP);

        Pipeline() {
            super(null, null);
        }

        @Override
        protected void initChannel(SocketChannel channel) {
            ChannelPipeline pipeline = channel.pipeline();
            limit.ifPresent(h -> pipeline.addLast(HandlerConstants.CONNECTION_LIMIT_HANDLER, h));
            perIp.ifPresent(h -> pipeline.addLast(HandlerConstants.CONNECTION_LIMIT_PER_IP_HANDLER, h));
            if (proxyRequired) {
                pipeline.addLast(HandlerConstants.PROXY_HANDLER, new HAProxyMessageDecoder());
            }
            pipeline.addLast(HandlerConstants.FRAMER, new SmtpInputDecoder(gate));
            pipeline.addLast(HandlerConstants.CHUNK_HANDLER, new ChunkedWriteHandler());
            pipeline.addLast(HandlerConstants.TIMEOUT_HANDLER, new TimeoutHandler(getTimeout()));
            pipeline.addLast(HandlerConstants.CORE_HANDLER, createHandler());
            Encryption encryption = getEncryption();
            if (encryption != null && encryption.supportsEncryption() && !encryption.isStartTLS()) {
                if (proxyRequired) {
                    pipeline.addAfter(HandlerConstants.PROXY_HANDLER, HandlerConstants.SSL_HANDLER, encryption.sslHandler());
                } else {
                    pipeline.addFirst(HandlerConstants.SSL_HANDLER, encryption.sslHandler());
                }
            }
        }

        @Override
        protected ChannelInboundHandlerAdapter createHandler() {
            return createCoreHandler();
        }
    }
}
