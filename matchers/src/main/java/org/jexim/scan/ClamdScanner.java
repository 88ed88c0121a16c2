package org.jexim.scan;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.options.EximTime;

/**
 * The {@code clamd} scanner of {@code av_scanner = clamd:...}: a Unix socket path or a list of
 * TCP {@code host port [retry=T]} servers tried in random order. The message is streamed with
 * {@code zINSTREAM} (on Unix sockets too: jexim shares no spool file with clamd), and the
 * reply read as Exim's malware.c does. Default: {@code /tmp/clamd}.
 */
public final class ClamdScanner implements MalwareScanner {
    private static final int CHUNK = 32 * 1024;
    private final List<Server> servers;

    private record Server(ScanEndpoint endpoint, int retrySeconds) {
    }

    private ClamdScanner(List<Server> servers) {
        this.servers = servers;
    }

    /** Reads the options after {@code clamd:} (empty for the default socket). */
    public static ClamdScanner parse(String options) throws ScanException {
        List<Server> servers = new ArrayList<>();
        for (String element : ExiList.items(options == null || options.isBlank() ? "/tmp/clamd" : options)) {
            if (element.isEmpty() || element.equals("local")) {
                continue; // "local" asks for SCAN with a file name; streaming gives the same verdict
            }
            List<String> words = new ArrayList<>();
            for (String w : element.split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
            ScanEndpoint endpoint;
            int next;
            if (words.get(0).startsWith("/")) {
                endpoint = ScanEndpoint.unix(words.get(0));
                next = 1;
            } else {
                if (words.size() < 2) {
                    throw new ScanException("clamd: missing port in \"" + element + "\"");
                }
                try {
                    endpoint = ScanEndpoint.tcp(words.get(0), Integer.parseInt(words.get(1)));
                } catch (NumberFormatException e) {
                    throw new ScanException("clamd: bad port in \"" + element + "\"");
                }
                next = 2;
            }
            int retry = 0;
            for (String opt : words.subList(next, words.size())) {
                if (opt.startsWith("retry=") && (retry = EximTime.read(opt.substring(6))) >= 0) {
                    continue;
                }
                throw new ScanException("clamd: bad option \"" + opt + "\"");
            }
            servers.add(new Server(endpoint, retry));
        }
        if (servers.size() > 1 && servers.stream().anyMatch(s -> s.endpoint().isUnix())) {
            throw new ScanException("clamd: a Unix socket cannot be mixed with other servers");
        }
        return new ClamdScanner(List.copyOf(servers));
    }

    /** The virus name clamd reports, empty when it found none; a {@link ScanException} on any failure. */
    @Override
    public Optional<String> scan(byte[] message, long timeoutMillis) throws ScanException {
        List<Server> order = new ArrayList<>(servers);
        Collections.shuffle(order, new Random());
        long deadline = System.currentTimeMillis() + timeoutMillis;
        StringBuilder errors = new StringBuilder();
        for (Server s : order) {
            ScanConnection c = connect(s, deadline, errors);
            if (c == null) {
                continue;
            }
            try (c) {
                c.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
                for (int off = 0; off < message.length; off += CHUNK) {
                    int n = Math.min(CHUNK, message.length - off);
                    c.write(ByteBuffer.allocate(4).putInt(0, n));
                    c.write(ByteBuffer.wrap(message, off, n));
                }
                c.write(ByteBuffer.allocate(4));
                return verdict(new String(c.readToEnd(), StandardCharsets.ISO_8859_1));
            }
        }
        throw new ScanException(errors.toString().strip());
    }

    private static ScanConnection connect(Server s, long deadline, StringBuilder errors) {
        for (int attempt = 0; attempt < (s.retrySeconds() > 0 ? 2 : 1); attempt++) {
            try {
                if (attempt > 0) {
                    Thread.sleep(Math.min(s.retrySeconds() * 1000L, Math.max(0, deadline - System.currentTimeMillis())));
                }
                return ScanConnection.open(s.endpoint(), Math.max(1, deadline - System.currentTimeMillis()));
            } catch (ScanException e) {
                errors.append("clamd: ").append(e.getMessage()).append("; ");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** malware.c's reading of "stream: NAME FOUND", "stream: OK" and "... ERROR". */
    static Optional<String> verdict(String reply) throws ScanException {
        int nul = reply.indexOf('\0');
        String r = (nul >= 0 ? reply.substring(0, nul) : reply).stripTrailing();
        int colon = r.indexOf(':');
        if (colon < 0) {
            throw new ScanException("ClamAV returned malformed result (missing colon): " + r);
        }
        String vname = r.substring(colon + 1).stripLeading();
        int space = vname.lastIndexOf(' ');
        String tag = space >= 0 ? vname.substring(space + 1) : vname;
        switch (tag) {
            case "FOUND": {
                String name = vname.substring(0, space).stripTrailing();
                if (name.endsWith(")") && name.lastIndexOf('(') >= 0) {
                    name = name.substring(0, name.lastIndexOf('('));
                }
                return Optional.of(name);
            }
            case "OK":
                return Optional.empty();
            case "ERROR":
                throw new ScanException("ClamAV returned: " + r);
            default:
                throw new ScanException("unparseable response from ClamAV: {" + r + "}");
        }
    }
}
