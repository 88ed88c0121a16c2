package org.jexim.routing;

import java.net.UnknownHostException;
import java.util.List;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.lists.Lists;

/**
 * The manualroute router: the first {@code route_list} item whose domain pattern matches (or
 * the expanded {@code route_data}) gives the host list and options (byname, bydns, a transport
 * name); no match declines. Host names are resolved through the system resolver.
 */
final class ManualrouteDriver implements RouterDriver {
    private final String routerName;
    private final String transport;
    private final String routeList;
    private final String routeData;
    private final SelfAction self;

    ManualrouteDriver(String routerName, String transport, String routeList, String routeData, SelfAction self) {
        this.self = self;
        this.routerName = routerName;
        this.transport = transport;
        this.routeList = routeList;
        this.routeData = routeData;
    }

    @Override
    public RouterOutcome route(AddressItem address, RoutingContext context) {
        String route;
        try {
            route = routeData != null ? RouteExpansion.expand(routeData, address, context) : matchRouteList(address, context);
        } catch (ExpansionException e) {
            if (e.forced()) {
                return RouterOutcome.decline(address);
            }
            return RouterOutcome.defer(address, "failed to expand \"" + routeData + "\" in " + routerName
                    + " router: " + e.getMessage());
        }
        if (route == null || route.isBlank()) {
            return RouterOutcome.decline(address);
        }
        String[] parts = splitRoute(route.strip());
        String hostList = parts[0];
        String transportName = transport;
        for (String option : parts[1].isBlank() ? new String[0] : parts[1].strip().split("\\s+")) {
            if (!List.of("byname", "bydns", "randomize", "no_randomize").contains(option)) {
                transportName = option;
            }
        }
        try {
            hostList = RouteExpansion.expand(hostList, address, context);
        } catch (ExpansionException e) {
            return e.forced() ? RouterOutcome.decline(address) : RouterOutcome.defer(address,
                    "failed to expand host list \"" + hostList + "\" in " + routerName + " router: " + e.getMessage());
        }
        if (transportName != null && RouteVariables.localTransport(transportName, address, context)) {
            // a local transport gets the host list as one item in $host, nothing is looked up
            return RouterOutcome.accept(address, transportName, List.of(new RouteHost(hostList, null, -1, -1)));
        }
        List<RouteHost> hosts;
        try {
            hosts = HostListParser.resolve(hostList);
        } catch (UnknownHostException | RuntimeException e) {
            return RouterOutcome.defer(address, "lookup of host \"" + hostList + "\" failed in " + routerName + " router");
        }
        if (transportName == null) {
            return RouterOutcome.defer(address, "router " + routerName + ": no transport defined");
        }
        for (RouteHost h : hosts) {
            if (!self.send() && HostListParser.isLocal(h.address())) {
                return self.outcome(address, "remote host address is the local host");
            }
        }
        try {
            return RouterOutcome.accept(address, RouteExpansion.expand(transportName, address, context), hosts);
        } catch (ExpansionException e) {
            return RouterOutcome.defer(address, "failed to expand transport name \"" + transportName + "\" in "
                    + routerName + " router: " + e.getMessage());
        }
    }

    /** The route of the first route_list item whose (single) domain pattern matches; null when none. */
    private String matchRouteList(AddressItem address, RoutingContext context) throws ExpansionException {
        if (routeList == null) {
            return null;
        }
        for (String item : ExiList.items(routeList, ';')) {
            String s = item.strip();
            int sp = endOfWord(s);
            String pattern = s.substring(0, sp);
            if (Lists.domain(RouteVariables.domain(address), pattern, RouteExpansion.listEnv(address, context)).matched()) {
                return s.substring(sp).strip();
            }
        }
        return null;
    }

    private static int endOfWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Host list (possibly quoted) and the options after it. */
    static String[] splitRoute(String route) {
        if (route.startsWith("\"")) {
            int close = route.indexOf('"', 1);
            return new String[] {route.substring(1, close), route.substring(close + 1)};
        }
        int sp = endOfWord(route);
        return new String[] {route.substring(0, sp), route.substring(sp)};
    }
}
