package org.jexim.scan;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Talks spamd's protocol as Exim 4.96 does: {@code REPORT SPAMC/1.2} with the user and the
 * message length, the message, a half-close, then the whole reply; with {@code variant=rspamd},
 * rspamd's {@code CHECK RSPAMC/1.3} with the envelope, the message, and the whole reply. Servers are tried in
 * {@link ServerChooser} order until one answers; each connection attempt may be retried once
 * after {@code retry=}; everything with one server is bounded by its {@code tmo=}.
 */
public final class SpamdClient {
    private final ServerChooser chooser;

    public SpamdClient(RandomGenerator random) {
        this.chooser = new ServerChooser(random);
    }

    public SpamdClient() {
        this(new java.util.Random());
    }

    /** Scans {@code message} for {@code user}; a {@link ScanException} when no server answers. */
    public SpamdReply scan(List<SpamdServer> servers, String user, byte[] message) throws ScanException {
        return scan(servers, user, message, ScanEnvelope.NONE);
    }

    /** As {@link #scan(List, String, byte[])}; rspamd servers are also sent the envelope. */
    public SpamdReply scan(List<SpamdServer> servers, String user, byte[] message, ScanEnvelope envelope)
            throws ScanException {
        List<SpamdServer> order = chooser.order(servers, LocalTime.now());
        if (order.isEmpty()) {
            throw new ScanException("no useable spamd server addresses in spamd_address configuration option.");
        }
        StringBuilder errors = new StringBuilder();
        for (SpamdServer server : order) {
            ScanConnection c = connect(server, errors);
            if (c == null) {
                continue;
            }
            try (c) {
                if (server.rspamd()) {
                    // rspamd reads the announced length: no half-close
                    c.write(envelope.rspamcHead(message.length).getBytes(StandardCharsets.ISO_8859_1));
                    c.write(message);
                    return SpamdReply.parseRspamd(c.readToEnd());
                }
                String request = "REPORT SPAMC/1.2\r\nUser: " + user + "\r\nContent-length: " + message.length
                        + "\r\n\r\n";
                c.write(request.getBytes(StandardCharsets.ISO_8859_1));
                c.write(message);
                c.shutdownOutput();
                return SpamdReply.parse(c.readToEnd());
            }
        }
        throw new ScanException("all spamd servers failed: " + errors.toString().strip());
    }

    private static ScanConnection connect(SpamdServer server, StringBuilder errors) {
        for (int attempt = 0; attempt < (server.retrySeconds() > 0 ? 2 : 1); attempt++) {
            if (attempt > 0) {
                try {
                    Thread.sleep(server.retrySeconds() * 1000L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            for (ScanEndpoint e : server.endpoints()) {
                try {
                    return ScanConnection.open(e, server.timeoutSeconds() * 1000L);
                } catch (ScanException ex) {
                    errors.append("spamd: ").append(ex.getMessage()).append("; ");
                }
            }
        }
        return null;
    }
}
