package org.jexim.smtp;

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jexim.acl.callout.CalloutHost;
import org.jexim.acl.callout.CalloutTarget;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.OptionSetting;
import org.jexim.routing.HostListParser;
import org.jexim.routing.RouteHost;
import org.jexim.routing.RoutingEngine;

/**
 * Where a callout goes for an address routing accepted, as Exim's verify_address decides: only
 * through an smtp transport; the router's hosts, or the transport's {@code hosts} when the
 * router gave none or {@code hosts_override} is set; each host's own port, else the transport's
 * {@code port} (default 25); the transport's {@code helo_data} (default $primary_hostname) and
 * {@code interface}, expanded for the address.
 */
final class CalloutPlanner {
    private final Configuration config;

    CalloutPlanner(Configuration config) {
        this.config = config;
    }

    /** The target, or empty when no callout can be made (local or no transport, no hosts). */
    Optional<CalloutTarget> plan(RoutingEngine.RoutedAddress routed, RoutingContext context) {
        String transportName = routed.outcome().transport();
        DriverInstance transport = config.transports().stream().filter(t -> t.name().equals(transportName))
                .findFirst().orElse(null);
        if (transport == null || !"smtp".equals(transport.driver())) {
            return Optional.empty();
        }
        AddressItem address = routed.outcome().address() != null ? routed.outcome().address() : routed.address();
        List<RouteHost> hosts = routed.outcome().hosts();
        Optional<String> transportHosts = transport.text("hosts");
        if (transportHosts.isPresent() && (hosts.isEmpty() || flag(transport, "hosts_override"))) {
            try {
                hosts = HostListParser.resolve(context.expand(transportHosts.get(), address));
            } catch (ExpansionException | UnknownHostException e) {
                hosts = List.of();
            }
        }
        if (hosts.isEmpty()) {
            return Optional.empty();
        }
        List<CalloutHost> out = new ArrayList<>();
        for (RouteHost h : hosts) {
            AddressItem at = address.with("host", h.name()).with("host_address", h.address() == null ? "" : h.address());
            out.add(new CalloutHost(h.name(), h.address(), h.port() > 0 ? h.port() : port(transport, at, context)));
        }
        String helo = expand(transport.text("helo_data").orElse("$primary_hostname"), address, context);
        String iface = transport.text("interface").map(i -> expand(i, address, context)).orElse(null);
        return Optional.of(new CalloutTarget(address.address(), address.domain(), out,
                helo == null ? context.lists().primaryHostname() : helo, iface));
    }

    private static int port(DriverInstance transport, AddressItem address, RoutingContext context) {
        String p = transport.text("port").map(s -> expand(s, address, context)).orElse(null);
        if (p == null || p.isBlank()) {
            return 25;
        }
        return switch (p.strip()) {
            case "smtp" -> 25;
            case "submission" -> 587;
            case "smtps", "submissions", "urd" -> 465;
            case "lmtp" -> 24;
            default -> {
                try {
                    yield Integer.parseInt(p.strip());
                } catch (NumberFormatException e) {
                    yield 25; // Exim logs the bad port and carries on with the default
                }
            }
        };
    }

    private static String expand(String text, AddressItem address, RoutingContext context) {
        try {
            return context.expand(text, address);
        } catch (ExpansionException e) {
            return null;
        }
    }

    private static boolean flag(DriverInstance driver, String name) {
        return driver.option(name).map(OptionSetting::value).map(v -> v instanceof Boolean b ? b
                : !String.valueOf(v).equalsIgnoreCase("false")).orElse(false);
    }
}
