package org.jexim.scan;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/** Where a scanning daemon listens: a Unix socket path or a TCP host and port. */
public record ScanEndpoint(String path, String host, int port) {

    public static ScanEndpoint unix(String path) {
        return new ScanEndpoint(path, null, 0);
    }

    public static ScanEndpoint tcp(String host, int port) {
        return new ScanEndpoint(null, host, port);
    }

    public boolean isUnix() {
        return path != null;
    }

    SocketAddress socketAddress() {
        return isUnix() ? UnixDomainSocketAddress.of(Path.of(path)) : new InetSocketAddress(host, port);
    }

    StandardProtocolFamily family() {
        return isUnix() ? StandardProtocolFamily.UNIX : null;
    }

    /** As Exim logs it: the path, or {@code host port}. */
    @Override
    public String toString() {
        return isUnix() ? path : host + " " + port;
    }
}
