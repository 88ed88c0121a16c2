package org.jexim.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jexim.conf.lists.ExiList;

/**
 * The {@code sock} scanner of {@code av_scanner = sock:ADDRESS:COMMAND:TRIGGER:NAME}: ADDRESS
 * is {@code host port} or a Unix socket path; COMMAND (default "%s", %s being the file that
 * holds the message) is sent as is (no newline, no end of input: Exim's way), and the daemon's
 * whole reply, up to its closing the connection, is read with the trigger and
 * name expressions, all within the timeout.
 */
final class SockScanner implements MalwareScanner {
    private final ScanEndpoint endpoint;
    private final String command;
    private final OutputPatterns patterns;

    private SockScanner(ScanEndpoint endpoint, String command, OutputPatterns patterns) {
        this.endpoint = endpoint;
        this.command = command;
        this.patterns = patterns;
    }

    static SockScanner parse(String options) throws ScanException {
        List<String> items = ExiList.items(options == null ? "" : options);
        if (items.size() < 4) {
            throw new ScanException("sock: needs an address, a command, a trigger expression and a name expression");
        }
        String address = items.get(0);
        ScanEndpoint endpoint;
        if (address.startsWith("/")) {
            endpoint = ScanEndpoint.unix(address);
        } else {
            String[] words = address.split("\\s+");
            try {
                endpoint = ScanEndpoint.tcp(words[0], Integer.parseInt(words[1]));
            } catch (RuntimeException e) {
                throw new ScanException("sock: bad address \"" + address + "\"");
            }
        }
        return new SockScanner(endpoint, items.get(1), OutputPatterns.of(items.get(2), items.get(3), "sock"));
    }

    @Override
    public Optional<String> scan(byte[] message, long timeoutMillis) throws ScanException {
        Path file = null;
        try {
            file = Files.createTempFile("jexim-scan", ".eml");
            Files.write(file, message);
            try (ScanConnection c = ScanConnection.open(endpoint, timeoutMillis)) {
                c.write(command.replace("%s", file.toString()).getBytes(StandardCharsets.ISO_8859_1));
                return patterns.verdict(new String(c.readToEnd(), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new ScanException("sock: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }
}
