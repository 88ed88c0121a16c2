package org.jexim.conf.lookup.nis;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;

/**
 * One ONC RPC (RFC 5531) call over UDP with AUTH_NONE, retransmitted as libnsl does until a
 * reply with the same transaction id arrives; the reply's results are returned for decoding.
 */
final class OncRpc {
    private static final SecureRandom XIDS = new SecureRandom();
    /** Portmapper program, version 2, and its GETPORT procedure. */
    static final int PMAP_PROG = 100000;
    static final int PMAP_PORT = 111;

    private final int timeoutMillis;
    private final int tries;

    OncRpc(int timeoutMillis, int tries) {
        this.timeoutMillis = timeoutMillis;
        this.tries = tries;
    }

    Xdr.Reader call(InetAddress host, int port, int prog, int vers, int proc, byte[] args) throws IOException {
        int xid = XIDS.nextInt();
        byte[] header = new Xdr.Writer().uint(xid).uint(0).uint(2).uint(prog).uint(vers).uint(proc)
                .uint(0).uint(0).uint(0).uint(0).bytes();
        byte[] msg = new byte[header.length + args.length];
        System.arraycopy(header, 0, msg, 0, header.length);
        System.arraycopy(args, 0, msg, header.length, args.length);
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(timeoutMillis);
            // connected, so that an ICMP port unreachable ends the call at once
            s.connect(host, port);
            byte[] buf = new byte[65536];
            for (int attempt = 0; attempt < tries; attempt++) {
                s.send(new DatagramPacket(msg, msg.length));
                while (true) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    try {
                        s.receive(p);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    Xdr.Reader r = new Xdr.Reader(buf, p.getLength());
                    if (r.uint() != xid || r.uint() != 1) {
                        continue;
                    }
                    if (r.uint() != 0) {
                        throw new IOException("RPC call denied");
                    }
                    r.uint();
                    r.opaque();
                    int acceptStat = r.uint();
                    if (acceptStat != 0) {
                        throw new IOException("RPC call not accepted (" + acceptStat + ")");
                    }
                    return r;
                }
            }
        }
        throw new IOException("RPC timed out");
    }

    /** The portmapper's GETPORT: the UDP port of {@code prog}/{@code vers} on {@code host}, 0 if unregistered. */
    int port(InetAddress host, int prog, int vers) throws IOException {
        byte[] args = new Xdr.Writer().uint(prog).uint(vers).uint(17).uint(0).bytes();
        return call(host, PMAP_PORT, PMAP_PROG, 2, 3, args).uint();
    }
}
