package org.jexim.conf.expand.items;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.lookup.Errors;
import org.jexim.conf.options.EximTime;

/** ${readsocket{SPEC}{REQUEST}{OPTIONS}{EOL}}: a Unix socket path or inet:host:port; TLS is not offered. */
final class ReadSocket {
    private ReadSocket() {
    }

    static String read(String spec, String request, String options, String eol) throws ExpansionException {
        int timeout = 5;
        boolean shutdown = true;
        if (options != null) {
            ExiList l = ExiList.of(options);
            String first = l.next();
            if (first != null) {
                timeout = EximTime.read(first);
            }
            for (String o; (o = l.next()) != null; ) {
                if (o.startsWith("shutdown=")) {
                    shutdown = !o.substring(9).equals("no");
                } else if (o.startsWith("tls=") && !o.substring(4).equals("no")) {
                    throw new ExpansionException("TLS connect failed: TLS for ${readsocket} is not supported by jexim");
                }
            }
        }
        String eolString = eol == null || eol.isEmpty() || options == null ? null : eol;
        byte[] req = request.getBytes(StandardCharsets.ISO_8859_1);
        int ms = Math.max(1, timeout) * 1000;
        if (spec.startsWith("inet:")) {
            String hp = spec.substring(5);
            int colon = hp.lastIndexOf(':');
            if (colon < 0) {
                // Exim sets a message here that its caller then loses
                throw new ExpansionException("");
            }
            String host = hp.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            String portName = hp.substring(colon + 1);
            int port;
            try {
                port = Integer.decode(portName);
            } catch (NumberFormatException e) {
                throw new ExpansionException("");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), ms);
                s.setSoTimeout(ms);
                OutputStream o = s.getOutputStream();
                if (req.length > 0) {
                    o.write(req);
                    o.flush();
                }
                if (shutdown) {
                    s.shutdownOutput();
                }
                return SystemItems.joinLines(readAll(s.getInputStream()), eolString);
            } catch (SocketTimeoutException e) {
                throw new ExpansionException("socket read timed out");
            } catch (IOException e) {
                throw new ExpansionException("failed to connect to " + host + ": " + Errors.strerror(e));
            }
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                ch.connect(UnixDomainSocketAddress.of(spec));
            } catch (IOException e) {
                String m = String.valueOf(e.getMessage());
                throw new ExpansionException("failed to connect to socket " + spec + ": "
                        + (m.contains("No such file") ? "No such file or directory"
                        : m.contains("Connection refused") ? "Connection refused" : Errors.strerror(e)));
            }
            if (req.length > 0) {
                ByteBuffer b = ByteBuffer.wrap(req);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
            if (shutdown) {
                ch.shutdownOutput();
            }
            return SystemItems.joinLines(readAll(Channels.newInputStream(ch)), eolString);
        } catch (IOException e) {
            throw new ExpansionException("request write to socket failed: " + Errors.strerror(e));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
