package org.jexim.routing;

import java.util.List;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.expand.ExpansionException;

/** The ipliteral router: a domain such as {@code [192.0.2.1]} routes to that address; other domains decline. */
final class IpliteralDriver implements RouterDriver {
    private final String routerName;
    private final String transport;
    private final SelfAction self;

    IpliteralDriver(String routerName, String transport, SelfAction self) {
        this.self = self;
        this.routerName = routerName;
        this.transport = transport;
    }

    @Override
    public RouterOutcome route(AddressItem address, RoutingContext context) {
        String d = address.domain();
        if (!d.startsWith("[") || !d.endsWith("]")) {
            return RouterOutcome.decline(address);
        }
        String ip = d.substring(1, d.length() - 1);
        if (ip.regionMatches(true, 0, "IPv6:", 0, 5)) {
            ip = ip.substring(5);
        }
        if (!HostListParser.isIp(ip)) {
            return RouterOutcome.decline(address);
        }
        if (!self.send() && HostListParser.isLocal(ip)) {
            return self.outcome(address, "remote host address is the local host");
        }
        if (transport == null) {
            return RouterOutcome.defer(address, "router " + routerName + ": no transport defined");
        }
        try {
            return RouterOutcome.accept(address, RouteExpansion.expand(transport, address, context),
                    List.of(new RouteHost(d, ip, -1, -1)));
        } catch (ExpansionException e) {
            return RouterOutcome.defer(address, "failed to expand transport name \"" + transport + "\" in "
                    + routerName + " router: " + e.getMessage());
        }
    }
}
