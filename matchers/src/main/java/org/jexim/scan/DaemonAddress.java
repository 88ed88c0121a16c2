package org.jexim.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * The daemon address of an av_scanner entry as Exim's ip_tcpsocket, ip_unixsocket and
 * ip_streamsocket read it: a path for a Unix socket, or "host port" or "host low-high" (each
 * port of the range tried in turn) for TCP.
 */
final class DaemonAddress {
    private DaemonAddress() {
    }

    /** The endpoints to try, in order, for {@code address}; {@code type} names the scanner in errors. */
    static List<ScanEndpoint> parse(String address, String type) throws ScanException {
        String a = address.strip();
        if (a.startsWith("/")) {
            return List.of(ScanEndpoint.unix(a));
        }
        String[] words = a.split("\\s+");
        if (words.length < 2) {
            throw new ScanException(type + ": missing port in \"" + a + "\"");
        }
        try {
            String[] range = words[1].split("-", 2);
            int low = Integer.parseInt(range[0]);
            int high = range.length > 1 ? Integer.parseInt(range[1]) : low;
            List<ScanEndpoint> out = new ArrayList<>();
            for (int port = low; port <= high; port++) {
                out.add(ScanEndpoint.tcp(words[0], port));
            }
            return out;
        } catch (NumberFormatException e) {
            throw new ScanException(type + ": bad port in \"" + a + "\"");
        }
    }

    /** Connects to the first endpoint that answers. */
    static ScanConnection connect(List<ScanEndpoint> endpoints, long timeoutMillis) throws ScanException {
        ScanException last = null;
        for (ScanEndpoint e : endpoints) {
            try {
                return ScanConnection.open(e, timeoutMillis);
            } catch (ScanException failed) {
                last = failed;
            }
        }
        throw last;
    }
}
