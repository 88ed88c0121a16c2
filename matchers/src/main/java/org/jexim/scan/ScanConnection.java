package org.jexim.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One conversation with a daemon over TCP or a Unix socket, every step bounded by one overall
 * deadline (Exim's {@code tmo=}), so that a down or slow daemon gives a {@link ScanException},
 * never a hang.
 */
final class ScanConnection implements AutoCloseable {
    private final SocketChannel channel;
    private final Selector selector;
    private final long deadline;
    private final ScanEndpoint endpoint;

    private ScanConnection(ScanEndpoint endpoint, SocketChannel channel, Selector selector, long deadline) {
        this.endpoint = endpoint;
        this.channel = channel;
        this.selector = selector;
        this.deadline = deadline;
    }

    /** Connects within {@code timeoutMillis}, which also bounds everything done afterwards. */
    static ScanConnection open(ScanEndpoint endpoint, long timeoutMillis) throws ScanException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        SocketChannel ch = null;
        Selector sel = null;
        try {
            ch = endpoint.isUnix() ? SocketChannel.open(endpoint.family()) : SocketChannel.open();
            ch.configureBlocking(false);
            sel = Selector.open();
            ScanConnection c = new ScanConnection(endpoint, ch, sel, deadline);
            if (!ch.connect(endpoint.socketAddress())) {
                c.await(SelectionKey.OP_CONNECT, "connect");
                ch.finishConnect();
            }
            return c;
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch, sel);
            if (e instanceof ScanException se) {
                throw se;
            }
            throw new ScanException("connection to " + endpoint + " failed (" + e.getMessage() + ")", e);
        }
    }

    private void await(int op, String what) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            throw new ScanException("timeout on " + what + " with " + endpoint);
        }
        SelectionKey key = channel.register(selector, op);
        int ready = selector.select(left);
        key.interestOps(0);
        selector.selectedKeys().clear();
        if (ready == 0) {
            throw new ScanException("timeout on " + what + " with " + endpoint);
        }
    }

    void write(byte[] bytes) throws ScanException {
        write(ByteBuffer.wrap(bytes));
    }

    void write(ByteBuffer buf) throws ScanException {
        try {
            while (buf.hasRemaining()) {
                if (channel.write(buf) == 0) {
                    await(SelectionKey.OP_WRITE, "write");
                }
            }
        } catch (ScanException e) {
            throw e;
        } catch (IOException e) {
            throw new ScanException("write to " + endpoint + " failed (" + e.getMessage() + ")", e);
        }
    }

    /** Half-closes the sending side: spamd reads the message until end of file. */
    void shutdownOutput() throws ScanException {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            throw new ScanException("shutdown of " + endpoint + " failed", e);
        }
    }

    /** Everything the daemon sends until it closes the connection. */
    byte[] readToEnd() throws ScanException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        try {
            for (;;) {
                int n = channel.read(buf);
                if (n < 0) {
                    return out.toByteArray();
                }
                if (n == 0) {
                    await(SelectionKey.OP_READ, "read");
                    continue;
                }
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
        } catch (ScanException e) {
            throw e;
        } catch (IOException e) {
            throw new ScanException("read from " + endpoint + " failed (" + e.getMessage() + ")", e);
        }
    }

    /** One read, as Exim's ip_recv: what the daemon has sent so far (at least a byte), empty at end of input. */
    byte[] readSome(int max) throws ScanException {
        ByteBuffer buf = ByteBuffer.allocate(max);
        try {
            for (;;) {
                int n = channel.read(buf);
                if (n < 0) {
                    return new byte[0];
                }
                if (n > 0) {
                    return java.util.Arrays.copyOf(buf.array(), n);
                }
                await(SelectionKey.OP_READ, "read");
            }
        } catch (ScanException e) {
            throw e;
        } catch (IOException e) {
            throw new ScanException("read from " + endpoint + " failed (" + e.getMessage() + ")", e);
        }
    }

    /** One line without its newline (ISO-8859-1), as Exim's recv_line; null at end of input. */
    String readLine() throws ScanException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        try {
            for (;;) {
                one.clear();
                int n = channel.read(one);
                if (n < 0) {
                    return line.size() == 0 ? null : line.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
                }
                if (n == 0) {
                    await(SelectionKey.OP_READ, "read");
                    continue;
                }
                byte b = one.get(0);
                if (b == '\n') {
                    return line.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
        } catch (ScanException e) {
            throw e;
        } catch (IOException e) {
            throw new ScanException("read from " + endpoint + " failed (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        closeQuietly(channel, selector);
    }

    private static void closeQuietly(SocketChannel ch, Selector sel) {
        try {
            if (sel != null) {
                sel.close();
            }
            if (ch != null) {
                ch.close();
            }
        } catch (IOException ignored) {
            // nothing more to do with a connection we are abandoning
        }
    }
}
