package org.jexim.routing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Zone;

/** A real DNS server on 127.0.0.1 (UDP, a random port) answering from a zone file the test writes. */
final class LoopbackDnsServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Zone zone;
    private final Thread thread;

    LoopbackDnsServer(String origin, String zoneText, Path dir) throws IOException {
        Path file = dir.resolve("zone");
        Files.writeString(file, zoneText);
        this.zone = new Zone(Name.fromString(origin), file.toString());
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "loopback-dns");
        thread.setDaemon(true);
        thread.start();
    }

    /** The JEXIM_DNS_SERVERS value that points at this server. */
    String servers() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Message reply = answer(query);
                byte[] out = reply.toWire(512);
                socket.send(new DatagramPacket(out, out.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a malformed packet: go on until closed
            }
        }
    }

    private Message answer(Message query) {
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.AA);
        Record question = query.getQuestion();
        reply.addRecord(question, Section.QUESTION);
        SetResponse r = zone.findRecords(question.getName(), question.getType());
        if (r.isNXDOMAIN() || !question.getName().subdomain(zone.getOrigin())) {
            reply.getHeader().setRcode(Rcode.NXDOMAIN);
        } else if (r.isSuccessful()) {
            r.answers().forEach(set -> set.rrs().forEach(rec -> reply.addRecord(rec, Section.ANSWER)));
        }
        return reply;
    }

    @Override
    public void close() {
        socket.close();
    }
}
