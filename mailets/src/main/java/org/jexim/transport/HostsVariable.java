package org.jexim.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jexim.routing.RouteHost;

/**
 * The hosts a router chose, carried with the address to its transport as the per-address
 * variable {@code _hosts}: "name/address/port" items separated by spaces, in router order.
 */
public final class HostsVariable {
    public static final String NAME = "_hosts";

    private HostsVariable() {
    }

    public static String encode(List<RouteHost> hosts) {
        return hosts.stream().map(h -> h.name() + "/" + (h.address() == null ? "" : h.address()) + "/" + h.port())
                .collect(Collectors.joining(" "));
    }

    static List<RouteHost> decode(String text) {
        List<RouteHost> hosts = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return hosts;
        }
        for (String item : text.trim().split(" +")) {
            String[] p = item.split("/", -1);
            hosts.add(new RouteHost(p[0], p[1].isEmpty() ? null : p[1], -1, Integer.parseInt(p[2])));
        }
        return hosts;
    }
}
