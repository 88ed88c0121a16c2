package org.jexim.smtp.wire;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.stream.ChunkedWriteHandler;
import org.apache.james.protocols.netty.AbstractChannelPipelineFactory;
import org.apache.james.protocols.netty.Encryption;
import org.apache.james.protocols.netty.HandlerConstants;
import org.apache.james.smtpserver.netty.SMTPServer;
import org.apache.james.smtpserver.netty.SmtpMetricsImpl;

/**
 * James's SMTP server with Exim's input handling: the same channel pipeline as James builds,
 * except that the line framer is {@link SmtpInputDecoder} and runs on the connection's event
 * loop together with the handlers, so that each command is handled before the next is read;
 * the connection limits ({@link ConnectionCount}) and the receive timeout ({@link ReceiveTimeout})
 * answer with Exim's 421 replies.
 */
public final class EximSmtpServer extends SMTPServer {
    private final CommandGate gate;
    private final Admission admission;
    private final IdleReply idle;

    public EximSmtpServer(SmtpMetricsImpl metrics, CommandGate gate, Admission admission, IdleReply idle) {
        super(metrics);
        this.gate = gate;
        this.admission = admission;
        this.idle = idle;
    }

    @Override
    protected AbstractChannelPipelineFactory createPipelineFactory() {
        return new Pipeline();
    }

    /** The channel pipeline of one connection. */
    private final class Pipeline extends AbstractChannelPipelineFactory<SocketChannel> {
        private final ConnectionCount count = new ConnectionCount(admission);

        Pipeline() {
            super(null, null);
        }

        @Override
        protected void initChannel(SocketChannel channel) {
            ChannelPipeline pipeline = channel.pipeline();
            // Exim's connection limits with its 421 replies, in place of James's silent ones
            pipeline.addLast(HandlerConstants.CONNECTION_LIMIT_HANDLER, count);
            if (proxyRequired) {
                pipeline.addLast(HandlerConstants.PROXY_HANDLER, new HAProxyMessageDecoder());
            }
            pipeline.addLast(HandlerConstants.FRAMER, new SmtpInputDecoder(gate));
            pipeline.addLast(HandlerConstants.CHUNK_HANDLER, new ChunkedWriteHandler());
            pipeline.addLast(HandlerConstants.TIMEOUT_HANDLER, new ReceiveTimeout(getTimeout(), idle));
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
