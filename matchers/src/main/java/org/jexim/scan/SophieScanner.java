package org.jexim.scan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code av_scanner = sophie:SOCKET} (default /var/run/sophie): the directory holding the
 * message, a newline, and one reply: "1:NAME" for a virus, "-1" for an error, else clean
 * (Exim's malware.c, M_SOPHIE).
 */
final class SophieScanner implements MalwareScanner {
    private final List<ScanEndpoint> endpoints;

    private SophieScanner(List<ScanEndpoint> endpoints) {
        this.endpoints = endpoints;
    }

    static SophieScanner parse(String options) throws ScanException {
        String address = org.jexim.conf.lists.ExiList.items(options).stream().findFirst().orElse("");
        return new SophieScanner(DaemonAddress.parse(address.isBlank() ? "/var/run/sophie" : address, "sophie"));
    }

    @Override
    public Optional<String> scan(byte[] message, long timeoutMillis) throws ScanException {
        try (SpooledMessage m = new SpooledMessage(message);
             ScanConnection c = DaemonAddress.connect(endpoints, timeoutMillis)) {
            c.write((m.dir() + "\n").getBytes(StandardCharsets.ISO_8859_1));
            String reply = new String(c.readSome(1024), StandardCharsets.ISO_8859_1);
            if (reply.isEmpty()) {
                throw new ScanException("sophie: unable to read from UNIX socket");
            }
            if (reply.charAt(0) == '1') {
                int nl = reply.indexOf('\n');
                String name = nl < 0 ? reply : reply.substring(0, nl);
                return Optional.of(name.length() > 2 ? name.substring(2) : "");
            }
            if (reply.startsWith("-1")) {
                throw new ScanException("sophie: scanner reported error");
            }
            return Optional.empty();
        }
    }
}
