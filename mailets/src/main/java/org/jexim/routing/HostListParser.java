package org.jexim.routing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.jexim.conf.lists.ExiList;

/**
 * Host lists of manualroute and ipliteral: colon-separated names or IP addresses, each with
 * an optional port ({@code name:port} once {@code ::} became a colon, {@code [ip]:port}).
 */
public final class HostListParser {
    private HostListParser() {
    }

    /** Parses and resolves a host list; throws when a name cannot be resolved. */
    public static List<RouteHost> resolve(String list) throws UnknownHostException {
        List<RouteHost> hosts = new ArrayList<>();
        for (String item : ExiList.items(list)) {
            String name = item;
            int port = -1;
            if (item.startsWith("[")) {
                int close = item.indexOf(']');
                name = item.substring(1, close);
                if (close + 1 < item.length() && item.charAt(close + 1) == ':') {
                    port = Integer.parseInt(item.substring(close + 2));
                }
            } else if (item.indexOf(':') > 0 && item.indexOf(':') == item.lastIndexOf(':')) {
                name = item.substring(0, item.indexOf(':'));
                port = Integer.parseInt(item.substring(item.indexOf(':') + 1));
            }
            if (isIp(name)) {
                hosts.add(new RouteHost(name, name, -1, port));
            } else {
                for (InetAddress a : InetAddress.getAllByName(name)) {
                    hosts.add(new RouteHost(name, a.getHostAddress(), -1, port));
                }
            }
        }
        return hosts;
    }

    static boolean isIp(String s) {
        return s.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (s.contains(":") && s.matches("[0-9A-Fa-f:.]+"));
    }

    /** Whether an address is one of this host's own (loopback or a local interface). */
    static boolean isLocal(String ip) {
        try {
            InetAddress a = InetAddress.getByName(ip);
            return a.isLoopbackAddress() || a.isAnyLocalAddress()
                    || java.net.NetworkInterface.getByInetAddress(a) != null;
        } catch (Exception e) {
            return false;
        }
    }
}
