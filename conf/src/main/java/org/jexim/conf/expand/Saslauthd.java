package org.jexim.conf.expand;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jexim.conf.lookup.Errors;

/** The saslauthd protocol (counted strings on its Unix socket), as Exim's saslauthd condition speaks it. */
final class Saslauthd {
    static final String SOCKET = "/var/run/saslauthd/mux";

    private Saslauthd() {
    }

    /** args: user, password, optional service and realm. */
    static boolean check(List<String> args) throws ExpansionException {
        String service = args.size() > 2 ? args.get(2) : "";
        String realm = args.size() > 3 && args.size() > 2 ? args.get(3) : "";
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                ch.connect(UnixDomainSocketAddress.of(SOCKET));
            } catch (IOException e) {
                throw new ExpansionException("cannot connect to saslauthd daemon at " + SOCKET + ": "
                        + (e instanceof java.net.SocketException && String.valueOf(e.getMessage()).contains("No such file")
                        ? "No such file or directory" : Errors.strerror(e)));
            }
            for (String s : new String[] {args.get(0), args.get(1), service, realm}) {
                byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
                ByteBuffer buf = ByteBuffer.allocate(2 + b.length);
                buf.putShort((short) b.length).put(b).flip();
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            ByteBuffer len = ByteBuffer.allocate(2);
            while (len.hasRemaining() && ch.read(len) >= 0) {
                // read the count
            }
            len.flip();
            int n = len.remaining() == 2 ? len.getShort() & 0xffff : -1;
            if (n < 2 || n > 1024) {
                throw new ExpansionException("");
            }
            ByteBuffer reply = ByteBuffer.allocate(n);
            while (reply.hasRemaining() && ch.read(reply) >= 0) {
                // read the reply
            }
            String r = new String(reply.array(), StandardCharsets.ISO_8859_1);
            if (r.startsWith("OK")) {
                return true;
            }
            if (r.startsWith("NO")) {
                return false;
            }
            throw new ExpansionException(r);
        } catch (IOException e) {
            throw new ExpansionException(Errors.strerror(e));
        }
    }
}
