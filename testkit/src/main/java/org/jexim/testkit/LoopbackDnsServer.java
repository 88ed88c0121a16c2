package org.jexim.testkit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Zone;

/**
 * A real DNS server on 127.0.0.1 answering from zone files the test writes, over UDP and TCP on
 * the same random port (large answers are truncated over UDP, so resolvers retry over TCP as
 * they do on the internet).
 *
 * <p>Tests may also make names fail: {@link #servfail} answers SERVFAIL, {@link #silence} never
 * answers (a timeout for the client).
 */
public final class LoopbackDnsServer implements AutoCloseable {
    private static final int UDP_LIMIT = 512;

    private final List<Zone> zones = new ArrayList<>();
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Set<Name> servfail = ConcurrentHashMap.newKeySet();
    private final Set<Name> silent = ConcurrentHashMap.newKeySet();
    private final AtomicInteger queries = new AtomicInteger();
    private final List<String> questions = java.util.Collections.synchronizedList(new ArrayList<>());

    /** One zone: origin (e.g. {@code "example.com."}) and its master-file text, written into dir. */
    public LoopbackDnsServer(String origin, String zoneText, Path dir) throws IOException {
        this(Map.of(origin, zoneText), dir);
    }

    /** Several zones, origin to master-file text, written into dir. */
    public LoopbackDnsServer(Map<String, String> zoneTexts, Path dir) throws IOException {
        this(zoneTexts, dir, "127.0.0.1", 0);
    }

    /**
     * Several zones on a chosen address and port (port 0: a random one). Port 53 on another
     * loopback address (127.0.0.153) lets a program that only reads /etc/resolv.conf, such as
     * exim4, use this server from a private mount namespace (see {@link #resolvConf}).
     */
    public LoopbackDnsServer(Map<String, String> zoneTexts, Path dir, String address, int port) throws IOException {
        int i = 0;
        for (Map.Entry<String, String> e : new LinkedHashMap<>(zoneTexts).entrySet()) {
            Path file = dir.resolve("zone" + (i++));
            Files.writeString(file, e.getValue());
            zones.add(new Zone(Name.fromString(absolute(e.getKey())), file.toString()));
        }
        InetAddress loopback = InetAddress.getByName(address);
        ServerSocket tcpSocket = null;
        DatagramSocket udpSocket = null;
        // UDP and TCP on the same port, as a resolver configured with host:port expects
        for (int attempt = 0; attempt < 20 && tcpSocket == null; attempt++) {
            udpSocket = new DatagramSocket(port, loopback);
            try {
                tcpSocket = new ServerSocket(udpSocket.getLocalPort(), 50, loopback);
            } catch (IOException taken) {
                udpSocket.close();
                if (port != 0) {
                    throw taken;
                }
            }
        }
        if (tcpSocket == null) {
            throw new IOException("no free port for UDP and TCP together");
        }
        this.udp = udpSocket;
        this.tcp = tcpSocket;
        start("loopback-dns-udp", this::serveUdp);
        start("loopback-dns-tcp", this::serveTcp);
    }

    private static String absolute(String origin) {
        return origin.endsWith(".") ? origin : origin + ".";
    }

    private static void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /** The JEXIM_DNS_SERVERS value that points at this server: {@code 127.0.0.1:PORT}. */
    public String servers() {
        return udp.getLocalAddress().getHostAddress() + ":" + port();
    }

    /** A resolv.conf naming this server, for programs that cannot be given a port (it must listen on 53). */
    public String resolvConf() {
        return "nameserver " + udp.getLocalAddress().getHostAddress() + "\noptions attempts:1 timeout:2\n"
                + (search.isEmpty() ? "" : "search " + search + "\n");
    }

    private volatile String search = "";

    /** Adds a search line to {@link #resolvConf} (the resolver's search list, for qualify_single tests). */
    public void search(String domains) {
        this.search = domains;
    }

    /** The port, the same for UDP and TCP. */
    public int port() {
        return udp.getLocalPort();
    }

    /** How many questions were asked so far (for tests of caching). */
    public int queries() {
        return queries.get();
    }

    /**
     * The questions asked so far, in order, each as "NAME TYPE" (name without the final dot,
     * type mnemonic) followed by " edns=PAYLOAD" when the query carried EDNS0 and " do" when
     * it set the DNSSEC OK flag: what a client's resolver options put on the wire.
     */
    public List<String> questions() {
        synchronized (questions) {
            return List.copyOf(questions);
        }
    }

    /** Forgets the questions recorded so far. */
    public void clearQuestions() {
        questions.clear();
    }

    /** From now on, questions about name (any type) get SERVFAIL. */
    public void servfail(String name) throws IOException {
        servfail.add(Name.fromString(absolute(name)));
    }

    /** From now on, questions about name (any type) get no answer at all. */
    public void silence(String name) throws IOException {
        silent.add(Name.fromString(absolute(name)));
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                Message reply = answer(query);
                if (reply == null) {
                    continue;
                }
                OPTRecord opt = query.getOPT();
                int limit = opt == null ? UDP_LIMIT : Math.max(UDP_LIMIT, opt.getPayloadSize());
                byte[] out = reply.toWire();
                if (out.length > limit) {
                    reply.getHeader().setFlag(Flags.TC);
                    reply.removeAllRecords(Section.ANSWER);
                    out = reply.toWire();
                }
                udp.send(new DatagramPacket(out, out.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a malformed packet: go on until closed
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket s = tcp.accept();
                start("loopback-dns-tcp-conn", () -> serveConnection(s));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serveConnection(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (true) {
                int len = in.readUnsignedShort();
                byte[] q = in.readNBytes(len);
                Message reply = answer(new Message(q));
                if (reply == null) {
                    continue;
                }
                byte[] wire = reply.toWire();
                out.writeShort(wire.length);
                out.write(wire);
                out.flush();
            }
        } catch (SocketException | java.io.EOFException closed) {
            // the client is done
        } catch (IOException e) {
            // a malformed query ends the connection
        }
    }

    private Message answer(Message query) {
        queries.incrementAndGet();
        Record question = query.getQuestion();
        Name name = question.getName();
        OPTRecord opt = query.getOPT();
        questions.add(name.toString(true) + " " + org.xbill.DNS.Type.string(question.getType())
                + (opt == null ? "" : " edns=" + opt.getPayloadSize()
                        + ((opt.getFlags() & org.xbill.DNS.ExtendedFlags.DO) != 0 ? " do" : "")));
        if (silent.contains(name)) {
            return null;
        }
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            reply.getHeader().setFlag(Flags.RD);
            reply.getHeader().setFlag(Flags.RA);
        }
        reply.addRecord(question, Section.QUESTION);
        if (servfail.contains(name)) {
            reply.getHeader().setRcode(Rcode.SERVFAIL);
            return reply;
        }
        Zone zone = zoneFor(name);
        if (zone == null) {
            reply.getHeader().setRcode(Rcode.NXDOMAIN);
            return reply;
        }
        addAnswers(reply, zone, name, question.getType(), 0);
        authority(reply, zone);
        return reply;
    }

    private void addAnswers(Message reply, Zone zone, Name name, int type, int depth) {
        SetResponse r = zone.findRecords(name, type);
        if (r.isNXDOMAIN()) {
            if (depth == 0) {
                reply.getHeader().setRcode(Rcode.NXDOMAIN);
            }
        } else if (r.isSuccessful()) {
            // in zone-file order every time (dnsjava would rotate them), so that every client sees one order
            r.answers().forEach(set -> set.rrs(false).forEach(rec -> reply.addRecord(rec, Section.ANSWER)));
        } else if (r.isCNAME() && depth < 8) {
            reply.addRecord(r.getCNAME(), Section.ANSWER);
            Name target = r.getCNAME().getTarget();
            Zone next = zoneFor(target);
            if (next != null) {
                addAnswers(reply, next, target, type, depth + 1);
            }
        }
        // otherwise NODATA: NOERROR with an empty answer section
    }

    /** The zone's NS records after an answer, its SOA after a negative one, as authoritative servers send. */
    private static void authority(Message reply, Zone zone) {
        if (reply.getSection(Section.ANSWER).isEmpty()) {
            reply.addRecord(zone.getSOA(), Section.AUTHORITY);
        } else {
            org.xbill.DNS.RRset ns = zone.getNS();
            if (ns != null) {
                ns.rrs(false).forEach(rec -> reply.addRecord(rec, Section.AUTHORITY));
            }
        }
    }

    private Zone zoneFor(Name name) {
        Zone best = null;
        for (Zone z : zones) {
            if (name.subdomain(z.getOrigin())
                    && (best == null || z.getOrigin().labels() > best.getOrigin().labels())) {
                best = z;
            }
        }
        return best;
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
