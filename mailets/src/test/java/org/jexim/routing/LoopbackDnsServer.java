package org.jexim.routing;

import java.io.IOException;
import java.nio.file.Path;

/** The routing tests' name for the shared fixture {@link org.jexim.testkit.LoopbackDnsServer}. */
final class LoopbackDnsServer implements AutoCloseable {
    private final org.jexim.testkit.LoopbackDnsServer server;

    LoopbackDnsServer(String origin, String zoneText, Path dir) throws IOException {
        this.server = new org.jexim.testkit.LoopbackDnsServer(origin, zoneText, dir);
    }

    /** The JEXIM_DNS_SERVERS value that points at this server. */
    String servers() {
        return server.servers();
    }

    @Override
    public void close() {
        server.close();
    }
}
