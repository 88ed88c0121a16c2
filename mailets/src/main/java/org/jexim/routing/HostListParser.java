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

    /** How host names are looked up: DNS then the system's resolver (Exim's default), or one of them. */
    enum Lookup { DEFAULT, BYNAME, BYDNS }

    /**
     * Parses and resolves a host list as manualroute does: IP addresses as they are, names
     * through the DNS (the configured servers) and/or the system's resolver, {@code name/MX}
     * as that name's MX hosts; throws when a name cannot be resolved.
     */
    static List<RouteHost> resolve(String list, RouteDns dns, Lookup lookup) throws UnknownHostException {
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
            } else if (name.length() > 3 && name.regionMatches(true, name.length() - 3, "/MX", 0, 3)) {
                String domain = name.substring(0, name.length() - 3);
                RouteDns.Answer mx = dns.query(domain, org.xbill.DNS.Type.MX);
                if (mx.status() != RouteDns.Status.FOUND) {
                    throw new UnknownHostException(domain);
                }
                for (org.xbill.DNS.MXRecord r : RouteDns.sortedMx(mx)) {
                    String target = r.getTarget().toString(true);
                    for (String ip : addresses(target, dns, lookup)) {
                        hosts.add(new RouteHost(target, ip, r.getPriority(), port));
                    }
                }
            } else {
                for (String ip : addresses(name, dns, lookup)) {
                    hosts.add(new RouteHost(name, ip, -1, port));
                }
            }
        }
        return hosts;
    }

    private static List<String> addresses(String name, RouteDns dns, Lookup lookup) throws UnknownHostException {
        if (lookup != Lookup.BYNAME) {
            List<String> ips = dns.addresses(name);
            if (ips != null && !ips.isEmpty()) {
                return ips.stream().map(Ipv6Text::compress).toList();
            }
            if (lookup == Lookup.BYDNS) {
                throw new UnknownHostException(name);
            }
        }
        List<String> out = new ArrayList<>();
        try {
            for (InetAddress a : InetAddress.getAllByName(name)) {
                out.add(Ipv6Text.compress(a.getHostAddress()));
            }
        } catch (UnknownHostException e) {
            throw new UnknownHostException(name); // the name alone, for Exim's message
        }
        return out;
    }

    /**
     * Parses and resolves a host list through the system's resolver (the smtp transport's hosts,
     * queryprogram's HOSTS=); throws when a name cannot be resolved.
     */
    public static List<RouteHost> resolve(String list) throws UnknownHostException {
        return resolve(list, RouteDns.of((String) null), Lookup.BYNAME);
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
