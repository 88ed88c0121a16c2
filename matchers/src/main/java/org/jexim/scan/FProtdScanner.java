package org.jexim.scan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jexim.conf.lists.ExiList;

/**
 * {@code av_scanner = f-protd:HOST PORTS:OPTION:...} (default localhost 10200-10204): an HTTP
 * GET of the message's path with the options as its query, then the XML reply read line by
 * line: a {@code <detected type="} line, the following {@code <name>}, and the
 * {@code <summary code="11">} that confirms an infection (Exim's malware.c, M_FPROTD).
 */
final class FProtdScanner implements MalwareScanner {
    private final List<ScanEndpoint> endpoints;
    private final List<String> scanOptions;

    private FProtdScanner(List<ScanEndpoint> endpoints, List<String> scanOptions) {
        this.endpoints = endpoints;
        this.scanOptions = scanOptions;
    }

    static FProtdScanner parse(String options) throws ScanException {
        List<String> items = ExiList.items(options);
        String address = items.isEmpty() || items.get(0).isBlank() ? "localhost 10200-10204" : items.get(0);
        return new FProtdScanner(DaemonAddress.parse(address, "f-protd"),
                items.isEmpty() ? List.of() : List.copyOf(items.subList(1, items.size())));
    }

    @Override
    public Optional<String> scan(byte[] message, long timeoutMillis) throws ScanException {
        try (SpooledMessage m = new SpooledMessage(message);
             ScanConnection c = DaemonAddress.connect(endpoints, timeoutMillis)) {
            StringBuilder request = new StringBuilder("GET ").append(m.file());
            for (int i = 0; i < scanOptions.size(); i++) {
                request.append(i == 0 ? "?" : "%20").append(scanOptions.get(i));
            }
            // Exim sends the terminating NUL too
            request.append(" HTTP/1.0\r\n\r\n").append('\0');
            c.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            boolean detected = false;
            String name = null;
            for (String line; (line = c.readLine()) != null; ) {
                if (line.isEmpty()) {
                    continue;
                }
                int n;
                if (line.contains("<detected type=\"")) {
                    detected = true;
                } else if (detected && (n = line.indexOf("<name>")) >= 0) {
                    int end = line.indexOf("</name>");
                    if (end >= 0) {
                        name = line.substring(n + 6, end);
                    }
                } else if (line.contains("<summary code=\"")) {
                    return line.contains("<summary code=\"11\">") ? Optional.ofNullable(name) : Optional.empty();
                }
            }
            return Optional.empty();
        }
    }
}
