package org.jexim.conf.lists;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The addresses of this host's interfaces (Exim's host_find_interfaces), read once. */
public final class LocalInterfaces {
    private static volatile List<String> cached;

    private LocalInterfaces() {
    }

    public static List<String> addresses() {
        List<String> c = cached;
        if (c == null) {
            List<String> out = new ArrayList<>();
            try {
                for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                        String s = a.getHostAddress();
                        int pct = s.indexOf('%');
                        s = pct >= 0 ? s.substring(0, pct) : s;
                        // Exim writes IPv6 addresses in their compressed form
                        out.add(s.indexOf(':') >= 0 ? IpAddress.ipv6Canonical(IpAddress.aton(s)) : s);
                    }
                }
            } catch (SocketException e) {
                out.add("127.0.0.1");
            }
            cached = c = List.copyOf(out);
        }
        return c;
    }
}
