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
 * suffix (the widened address starts again at the first router), as is a name the resolver's
 * search list qualified ({@code qualify_single}, {@code search_parents}); hosts in
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
    private final String checkSrv;
    private final boolean checkSecondaryMx;
    private final boolean qualifySingle;
    private final boolean searchParents;
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
        this.checkSrv = o.get("check_srv");
        this.checkSecondaryMx = RouterFactory.bool(o, "check_secondary_mx", false);
        this.qualifySingle = RouterFactory.bool(o, "qualify_single", true);
        this.searchParents = RouterFactory.bool(o, "search_parents", false);
    }

    @Override
    public RouterOutcome route(AddressItem address, RoutingContext context) {
        RouteDns dns = RouteDns.of(context.variablesFor(address));
        String domain = RouteVariables.domain(address);
        if (!DNS_NAME.matcher(domain).matches()) {
            // Exim's dns_check_names_pattern: such a name is never looked up, the address fails
            return RouterOutcome.fail(address, "mail domain \"" + domain + "\" is syntactically invalid");
        }
        if (checkSrv != null) {
            RouterOutcome srv = srv(address, context, dns, domain);
            if (srv != null) {
                return srv;
            }
        }
        var vars = context.variablesFor(address);
        List<String> names = ResolverSearch.of(vars.variable(RouteDns.SERVERS_VARIABLE).orElse(null),
                vars.variable(ResolverSearch.VARIABLE).orElse("")).candidates(domain, qualifySingle, searchParents);
        if (names.size() > 1) {
            RouterOutcome searched = searched(address, dns, domain, names);
            if (searched != null) {
                return searched;
            }
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
            List<MXRecord> records = RouteDns.sortedMx(mx);
            if (records.size() == 1 && records.get(0).getTarget().equals(org.xbill.DNS.Name.root)) {
                return RouterOutcome.fail(address, NO_SERVICE); // RFC 7505 null MX
            }
            for (MXRecord r : records) {
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
            if (hosts.isEmpty()) {
                return RouterOutcome.fail(address, "all relevant MX records point to non-existent hosts");
            }
            if (checkSecondaryMx && cut == Integer.MAX_VALUE) {
                return RouterOutcome.decline(address); // this host is not a secondary MX of the domain
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
        return accepted(address, context, hosts);
    }

    /** The hosts found, less ignore_target_hosts; none left declines. */
    private RouterOutcome accepted(AddressItem address, RoutingContext context, List<RouteHost> hosts) {
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

    /** What Exim says of a domain whose MX or SRV record is the root: no mail service. */
    private static final String NO_SERVICE = "an MX or SRV record indicated no SMTP service";

    /**
     * check_srv: the SRV records of _service._tcp.domain give the hosts (priority shown as MX,
     * with their ports); a lone "." record declines; null when there are none (MX comes next).
     */
    private RouterOutcome srv(AddressItem address, RoutingContext context, RouteDns dns, String domain) {
        String service;
        try {
            service = RouteExpansion.expand(checkSrv, address, context);
        } catch (ExpansionException e) {
            return e.forced() ? null : RouterOutcome.defer(address, "failed to expand \"" + checkSrv + "\": "
                    + e.getMessage());
        }
        RouteDns.Answer srv = dns.query("_" + service + "._tcp." + domain, Type.SRV);
        if (srv.status() == RouteDns.Status.AGAIN) {
            return RouterOutcome.defer(address, "host lookup did not complete");
        }
        if (srv.status() != RouteDns.Status.FOUND) {
            return null;
        }
        List<org.xbill.DNS.SRVRecord> records = RouteDns.sortedSrv(srv);
        if (records.size() == 1 && records.get(0).getTarget().equals(org.xbill.DNS.Name.root)) {
            return RouterOutcome.decline(address);
        }
        List<RouteHost> hosts = new ArrayList<>();
        for (org.xbill.DNS.SRVRecord r : records) {
            String name = r.getTarget().toString(true);
            List<String> ips = dns.addresses(name);
            if (ips == null) {
                return RouterOutcome.defer(address, "host lookup did not complete");
            }
            for (String ip : ips) {
                hosts.add(new RouteHost(name, Ipv6Text.compress(ip), r.getPriority(), r.getPort()));
            }
        }
        return accepted(address, context, hosts);
    }

    /**
     * qualify_single / search_parents: the first of the resolver's names that exists; when that is
     * not the domain itself, the address with the domain the resolver found starts again at the
     * first router (Exim's rf_change_domain); null to go on with the domain as it is.
     */
    private RouterOutcome searched(AddressItem address, RouteDns dns, String domain, List<String> names) {
        for (String name : names) {
            RouteDns.Answer mx = dns.query(name, Type.MX);
            if (mx.status() == RouteDns.Status.AGAIN) {
                return RouterOutcome.defer(address, "host lookup did not complete");
            }
            // a dotted name searched with search_parents counts only by its MX records: exim4 4.96 does
            // not find a search domain's address records for it (checked against exim4 -bt)
            List<String> ips = mx.status() == RouteDns.Status.NODATA && !domain.contains(".") ? dns.addresses(name) : null;
            if (mx.status() == RouteDns.Status.FOUND || (ips != null && !ips.isEmpty())) {
                return name.equalsIgnoreCase(domain) ? null : RouterOutcome.redirect(address,
                        List.of(new AddressItem(address.localPart(), name, address, Map.of())));
            }
        }
        return null;
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
