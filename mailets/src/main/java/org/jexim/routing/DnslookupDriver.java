package org.jexim.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.lists.Lists;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Type;

/**
 * The dnslookup router (spec, "The dnslookup router"): MX records by preference, each host's
 * AAAA then A records; without MX records the domain's own addresses (unless it is in
 * {@code mx_domains}); a domain that does not exist is retried with each {@code widen_domains}
 * suffix (the widened address starts again at the first router); hosts in
 * {@code ignore_target_hosts} are dropped; an MX list that reaches this host is cut at its
 * preference, and a list left empty, or a local A record, is Exim's {@code self} case (defer).
 */
final class DnslookupDriver implements RouterDriver {
    private final String routerName;
    private final String transport;
    private final String mxDomains;
    private final String widenDomains;
    private final String ignoreTargetHosts;
    private final SelfAction self;
    /** The default of dns_check_names_pattern, in Java's syntax. */
    private static final java.util.regex.Pattern DNS_NAME = java.util.regex.Pattern.compile(
            "(?i)^[^\\W]([a-z0-9/_-]*[^\\W])?(\\.[^\\W]([a-z0-9/_-]*[^\\W])?)*\\.?$");

    DnslookupDriver(String routerName, Map<String, String> o) {
        this.routerName = routerName;
        this.transport = o.get("transport");
        this.mxDomains = o.get("mx_domains");
        this.widenDomains = o.get("widen_domains");
        this.ignoreTargetHosts = o.get("ignore_target_hosts");
        this.self = new SelfAction(o.get("self"));
    }

    @Override
    public RouterOutcome route(AddressItem address, RoutingContext context) {
        RouteDns dns = RouteDns.of(context.variablesFor(address).variable(RouteDns.SERVERS_VARIABLE).orElse(null));
        String domain = RouteVariables.domain(address);
        if (!DNS_NAME.matcher(domain).matches()) {
            // Exim's dns_check_names_pattern: such a name is never looked up, the address fails
            return RouterOutcome.fail(address, "mail domain \"" + domain + "\" is syntactically invalid");
        }
        RouteDns.Answer mx = dns.query(domain, Type.MX);
        if (mx.status() == RouteDns.Status.AGAIN) {
            return RouterOutcome.defer(address, "host lookup did not complete");
        }
        if (mx.status() == RouteDns.Status.NXDOMAIN) {
            return widened(address, context, dns);
        }
        List<RouteHost> hosts = new ArrayList<>();
        boolean viaMx = mx.status() == RouteDns.Status.FOUND;
        if (viaMx) {
            int localPreference = Integer.MAX_VALUE;
            for (MXRecord r : RouteDns.sortedMx(mx)) {
                String name = r.getTarget().toString(true);
                List<String> ips = dns.addresses(name);
                if (ips == null) {
                    return RouterOutcome.defer(address, "host lookup did not complete");
                }
                for (String ip : ips) {
                    if (!self.send() && HostListParser.isLocal(ip)) {
                        localPreference = Math.min(localPreference, r.getPriority());
                    }
                    hosts.add(new RouteHost(name, Ipv6Text.compress(ip), r.getPriority(), -1));
                }
            }
            int cut = localPreference;
            hosts.removeIf(h -> h.mx() >= cut);
            if (hosts.isEmpty() && cut != Integer.MAX_VALUE) {
                return self.outcome(address, "lowest numbered MX record points to local host");
            }
        } else {
            if (matches(mxDomains, domain, address, context)) {
                return RouterOutcome.decline(address);
            }
            List<String> ips = dns.addresses(domain);
            if (ips == null) {
                return RouterOutcome.defer(address, "host lookup did not complete");
            }
            for (String ip : ips) {
                if (!self.send() && HostListParser.isLocal(ip)) {
                    return self.outcome(address, "remote host address is the local host");
                }
                hosts.add(new RouteHost(domain, Ipv6Text.compress(ip), -1, -1));
            }
        }
        if (ignoreTargetHosts != null) {
            hosts.removeIf(h -> ignored(h, address, context));
        }
        if (hosts.isEmpty()) {
            return RouterOutcome.decline(address);
        }
        if (transport == null) {
            return RouterOutcome.defer(address, "router " + routerName + ": no transport defined");
        }
        try {
            return RouterOutcome.accept(address, RouteExpansion.expand(transport, address, context), hosts);
        } catch (ExpansionException e) {
            return RouterOutcome.defer(address, "failed to expand transport name \"" + transport + "\" in "
                    + routerName + " router: " + e.getMessage());
        }
    }

    /** widen_domains: the first suffix that makes an existing domain gives a new address to route. */
    private RouterOutcome widened(AddressItem address, RoutingContext context, RouteDns dns) {
        if (widenDomains == null) {
            return RouterOutcome.decline(address);
        }
        String domain = RouteVariables.domain(address);
        for (String suffix : ExiList.items(widenDomains)) {
            String wide = domain + "." + suffix;
            RouteDns.Answer mx = dns.query(wide, Type.MX);
            boolean exists = mx.status() == RouteDns.Status.FOUND
                    || (mx.status() == RouteDns.Status.NODATA && dns.addresses(wide) != null
                    && !dns.addresses(wide).isEmpty());
            if (exists) {
                return RouterOutcome.redirect(address, List.of(new AddressItem(address.localPart(), wide, address,
                        Map.of())));
            }
        }
        return RouterOutcome.decline(address);
    }

    private boolean matches(String list, String domain, AddressItem address, RoutingContext context) {
        if (list == null) {
            return false;
        }
        try {
            return Lists.domain(domain, RouteExpansion.expand(list, address, context),
                    RouteExpansion.listEnv(address, context)).matched();
        } catch (ExpansionException e) {
            return false;
        }
    }

    private boolean ignored(RouteHost host, AddressItem address, RoutingContext context) {
        try {
            return Lists.host(host.address(), host.name(), RouteExpansion.expand(ignoreTargetHosts, address, context),
                    RouteExpansion.listEnv(address, context)).matched();
        } catch (ExpansionException e) {
            return false;
        }
    }
}
