package org.jexim.scan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code av_scanner = f-prot6d:HOST PORT} (default localhost 10200): "SCAN FILE path", one
 * reply read, "QUIT"; an error reply ("N <error>") defers, "N <infected: NAME> path" names the
 * virus (Exim's malware.c, M_FPROT6D, with its two expressions).
 */
final class FProt6dScanner implements MalwareScanner {
    private static final Pattern ERROR = Pattern.compile("^\\d+\\s<(.+?)>$");
    private static final Pattern VIRUS = Pattern.compile("^\\d+\\s<infected:\\s+(.+?)>\\s+.+$");
    private static final int BUFFER = 1024;

    private final List<ScanEndpoint> endpoints;

    private FProt6dScanner(List<ScanEndpoint> endpoints) {
        this.endpoints = endpoints;
    }

    static FProt6dScanner parse(String options) throws ScanException {
        String address = org.jexim.conf.lists.ExiList.items(options).stream().findFirst().orElse("");
        return new FProt6dScanner(DaemonAddress.parse(address.isBlank() ? "localhost 10200" : address, "f-prot6d"));
    }

    @Override
    public Optional<String> scan(byte[] message, long timeoutMillis) throws ScanException {
        try (SpooledMessage m = new SpooledMessage(message);
             ScanConnection c = DaemonAddress.connect(endpoints, timeoutMillis)) {
            c.write(("SCAN FILE " + m.file() + "\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] got = c.readSome(BUFFER);
            if (got.length == 0) {
                throw new ScanException("f-prot6d: unable to read from socket");
            }
            if (got.length == BUFFER) {
                throw new ScanException("f-prot6d: buffer too small");
            }
            String reply = new String(got, StandardCharsets.ISO_8859_1);
            try {
                c.write("QUIT\n".getBytes(StandardCharsets.ISO_8859_1));
            } catch (ScanException ignored) {
                // Exim does not check this write either
            }
            Matcher e = ERROR.matcher(reply);
            if (e.find()) {
                throw new ScanException("f-prot6d: scanner reported error (" + e.group(1) + ")");
            }
            Matcher v = VIRUS.matcher(reply);
            return v.find() ? Optional.of(v.group(1)) : Optional.empty();
        }
    }
}
