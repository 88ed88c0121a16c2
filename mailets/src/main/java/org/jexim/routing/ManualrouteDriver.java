package org.jexim.routing;

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.lists.Lists;

/**
 * The manualroute router: the first {@code route_list} item whose domain pattern matches (or
 * the expanded {@code route_data}) gives the host list and options (byname, bydns, randomize,
 * no_randomize, a transport name); no match declines. Host names are looked up through the
 * DNS (the configured servers) then the system's resolver, {@code name/MX} gives that name's
 * MX hosts; {@code hosts_randomize} shuffles the list; {@code host_find_failed} says what an
 * unknown host does.
 */
final class ManualrouteDriver implements RouterDriver {
    private final String routerName;
    private final String transport;
    private final String routeList;
    private final String routeData;
    private final SelfAction self;
    private final boolean hostsRandomize;
    private final String hostFindFailed;

    ManualrouteDriver(String routerName, Map<String, String> o) {
        this.routerName = routerName;
        this.transport = o.get("transport");
        this.routeList = o.get("route_list");
        this.routeData = o.get("route_data");
        this.self = new SelfAction(o.get("self"));
        this.hostsRandomize = RouterFactory.bool(o, "hosts_randomize", false);
        this.hostFindFailed = o.getOrDefault("host_find_failed", "freeze").strip();
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
        HostListParser.Lookup lookup = HostListParser.Lookup.DEFAULT;
        boolean randomize = hostsRandomize;
        for (String option : parts[1].isBlank() ? new String[0] : parts[1].strip().split("\\s+")) {
            switch (option) {
                case "byname" -> lookup = HostListParser.Lookup.BYNAME;
                case "bydns" -> lookup = HostListParser.Lookup.BYDNS;
                case "randomize" -> randomize = true;
                case "no_randomize" -> randomize = false;
                default -> transportName = option;
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
            RouteDns dns = RouteDns.of(context.variablesFor(address));
            hosts = new ArrayList<>(HostListParser.resolve(hostList, dns, lookup));
        } catch (UnknownHostException e) {
            return hostFindFailed(address, e.getMessage());
        } catch (RuntimeException e) {
            return hostFindFailed(address, hostList);
        }
        if (randomize) {
            Collections.shuffle(hosts); // randomize / hosts_randomize: a new order each time
        }
        if (transportName == null) {
            return RouterOutcome.defer(address, "router " + routerName + ": no transport defined");
        }
        // rf_lookup_hostlist: the local host first is the self case; later, it and what follows are dropped
        for (int i = 0; i < hosts.size() && !self.send(); i++) {
            if (HostListParser.isLocal(hosts.get(i).address())) {
                if (i == 0) {
                    return self.outcome(address, "remote host address is the local host");
                }
                hosts = new ArrayList<>(hosts.subList(0, i));
                break;
            }
        }
        try {
            return RouterOutcome.accept(address, RouteExpansion.expand(transportName, address, context), hosts);
        } catch (ExpansionException e) {
            return RouterOutcome.defer(address, "failed to expand transport name \"" + transportName + "\" in "
                    + routerName + " router: " + e.getMessage());
        }
    }

    /**
     * host_find_failed: what a host name that cannot be found does (freeze and defer defer,
     * fail fails, decline declines, pass passes).
     */
    private RouterOutcome hostFindFailed(AddressItem address, String host) {
        String message = "lookup of host \"" + host + "\" failed in " + routerName + " router";
        return switch (hostFindFailed) {
            case "fail" -> RouterOutcome.fail(address, message);
            case "decline" -> RouterOutcome.decline(address);
            case "pass" -> RouterOutcome.pass(address);
            default -> RouterOutcome.defer(address, message);
        };
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
            if (close < 0) {
                return new String[] {route.substring(1), ""};
            }
            return new String[] {route.substring(1, close), route.substring(close + 1)};
        }
        int sp = endOfWord(route);
        return new String[] {route.substring(0, sp), route.substring(sp)};
    }
}
