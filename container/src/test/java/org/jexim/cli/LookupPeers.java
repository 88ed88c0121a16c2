package org.jexim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The peers an iplookup router asks, real servers on 127.0.0.1 for the differential test: a
 * UDP server that answers "short" with "s1", "long" with a 12-byte word and "none" not at
 * all; a TCP server that answers every query with "abc@new.example " and the query; and a
 * port where nothing listens.
 */
final class LookupPeers implements AutoCloseable {
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final int dead;

    LookupPeers() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        udp = new DatagramSocket(0, loopback);
        tcp = new ServerSocket(0, 50, loopback);
        try (ServerSocket s = new ServerSocket(0, 1, loopback)) {
            dead = s.getLocalPort();
        }
        Thread u = new Thread(this::serveUdp, "iplookup-udp-peer");
        u.setDaemon(true);
        u.start();
        Thread t = new Thread(this::serveTcp, "iplookup-tcp-peer");
        t.setDaemon(true);
        t.start();
    }

    int udpPort() {
        return udp.getLocalPort();
    }

    int tcpPort() {
        return tcp.getLocalPort();
    }

    int deadPort() {
        return dead;
    }

    private void serveUdp() {
        byte[] buf = new byte[512];
        while (!udp.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                udp.receive(p);
                String q = new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
                String answer = switch (q) {
                    case "short" -> "s1";
                    case "long" -> "abcdefghijkl";
                    default -> null;
                };
                if (answer != null) {
                    byte[] a = answer.getBytes(StandardCharsets.ISO_8859_1);
                    udp.send(new DatagramPacket(a, a.length, p.getSocketAddress()));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket s = tcp.accept()) {
                InputStream in = s.getInputStream();
                byte[] buf = new byte[512];
                int n = in.read(buf);
                String q = n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.ISO_8859_1);
                s.getOutputStream().write(("abc@new.example " + q).getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                if (tcp.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tcp.close();
    }
}
