package org.jexim.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A loopback TCP daemon that reads the request to end of input and then sends a canned reply, or never answers. */
final class SilentDaemon implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;
    volatile String request;

    SilentDaemon(String reply) throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(reply));
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(String reply) {
        try (Socket s = server.accept()) {
            if (reply == null) {
                Thread.sleep(60_000); // a hung daemon
                return;
            }
            DataInputStream in = new DataInputStream(s.getInputStream());
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] head = in.readNBytes(10);
            got.write(head);
            if (new String(head, StandardCharsets.ISO_8859_1).equals("zINSTREAM\0")) {
                // clamd does not wait for end of input: the stream ends with a zero-length chunk
                for (int n; (n = in.readInt()) != 0; ) {
                    got.write(new byte[] {0, 0, 0, (byte) n});
                    got.write(in.readNBytes(n));
                }
                got.write(new byte[4]);
            } else {
                in.transferTo(got);
            }
            request = got.toString(StandardCharsets.ISO_8859_1);
            s.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException | InterruptedException e) {
            // the test closed us
        }
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        server.close();
    }
}
