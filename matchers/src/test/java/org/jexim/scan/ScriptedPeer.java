package org.jexim.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A scripted stand-in for a virus scanner daemon that cannot run here (Sophie, F-Prot,
 * F-Secure are commercial daemons): a real socket, TCP on loopback or Unix, whose every
 * connection is served by the test's script with the protocol of the Exim source.
 */
final class ScriptedPeer implements AutoCloseable {
    /** One connection's conversation. */
    interface Script {
        void serve(InputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocketChannel server;
    private final String address;

    private ScriptedPeer(ServerSocketChannel server, String address, Script script) {
        this.server = server;
        this.address = address;
        Thread t = new Thread(() -> {
            while (server.isOpen()) {
                try (SocketChannel c = server.accept()) {
                    script.serve(Channels.newInputStream(c), Channels.newOutputStream(c));
                } catch (IOException e) {
                    // closed, or the client went away: next connection
                }
            }
        }, "scripted-scanner");
        t.setDaemon(true);
        t.start();
    }

    /** A TCP peer on 127.0.0.1; its address reads "127.0.0.1 PORT". */
    static ScriptedPeer tcp(Script script) throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open();
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        return new ScriptedPeer(s, "127.0.0.1 " + ((InetSocketAddress) s.getLocalAddress()).getPort(), script);
    }

    /** A Unix socket peer at path, open to every user (exim4 connects as its own user). */
    static ScriptedPeer unix(Path path, Script script) throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(path));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
        return new ScriptedPeer(s, path.toString(), script);
    }

    /** The av_scanner address of this peer. */
    String address() {
        return address;
    }

    /** A line from the client, without its newline. */
    static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            b.append((char) c);
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
