package org.jexim.routing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.expand.ExpansionException;

/**
 * The generic options a router applies to the addresses it accepts or generates (Exim's
 * rf_get_errors_address, rf_get_munge_headers and the user/group lookup): {@code errors_to},
 * {@code headers_add}, {@code headers_remove} travel with the address (and its children) to
 * delivery and bounces; {@code user} / {@code group} must name existing accounts. An
 * expansion failure or an unknown account defers the address with Exim's message.
 */
final class AddressProperties {
    private final String router;
    private final String errorsTo;
    private final String headersAdd;
    private final String headersRemove;
    private final String user;
    private final String group;
    private final String fallbackHosts;

    AddressProperties(String router, Map<String, String> o) {
        this.router = router;
        this.errorsTo = o.get("errors_to");
        this.headersAdd = o.get("headers_add");
        this.headersRemove = o.get("headers_remove");
        this.user = o.get("user");
        this.group = o.get("group");
        this.fallbackHosts = o.get("fallback_hosts");
    }

    /** The outcome with the properties set on its address or children, or a deferral. */
    RouterOutcome apply(RouterOutcome outcome, AddressItem address, RoutingContext context) {
        if (outcome.kind() == RouterOutcome.Kind.FAIL && errorsTo != null) {
            // a failure the router itself decides (":fail:", queryprogram FAIL) is reported to errors_to too
            try {
                return RouterOutcome.fail(outcome.address().with(RouterOutcome.ERRORS_TO,
                        RouteExpansion.expand(errorsTo, outcome.address(), context)), outcome.message());
            } catch (ExpansionException e) {
                return outcome;
            }
        }
        if (outcome.kind() != RouterOutcome.Kind.ACCEPT && outcome.kind() != RouterOutcome.Kind.REDIRECT) {
            return outcome;
        }
        AddressItem a = outcome.address();
        try {
            if (errorsTo != null) {
                a = a.with(RouterOutcome.ERRORS_TO, RouteExpansion.expand(errorsTo, a, context));
            }
            if (headersAdd != null) {
                String add = RouteExpansion.expand(headersAdd, a, context);
                String before = a.variables().get(RouterOutcome.HEADERS_ADD);
                a = a.with(RouterOutcome.HEADERS_ADD, before == null ? add : before + "\n" + add);
            }
            if (headersRemove != null) {
                String remove = RouteExpansion.expand(headersRemove, a, context);
                String before = a.variables().get(RouterOutcome.HEADERS_REMOVE);
                a = a.with(RouterOutcome.HEADERS_REMOVE, before == null ? remove : before + ":" + remove);
            }
        } catch (ExpansionException e) {
            return e.forced() ? outcome : RouterOutcome.defer(address, router + " router failed to expand \""
                    + failedText(e) + "\": " + e.getMessage());
        }
        String missing = account(user, "user", "/etc/passwd", a, context);
        if (missing == null) {
            missing = account(group, "group", "/etc/group", a, context);
        }
        if (missing != null) {
            return RouterOutcome.defer(address, missing);
        }
        a = withAccount(a, RouterOutcome.USER, user, context);
        a = withAccount(a, RouterOutcome.GROUP, group, context);
        if (outcome.kind() == RouterOutcome.Kind.ACCEPT) {
            if (fallbackHosts != null) {
                a = a.with(RouterOutcome.FALLBACK_HOSTS, fallbackHosts); // not expanded, as in Exim
            }
            return new RouterOutcome(outcome.kind(), a, outcome.transport(), outcome.message(), outcome.children(),
                    outcome.hosts());
        }
        List<AddressItem> children = new ArrayList<>();
        for (AddressItem c : outcome.children()) {
            children.add(inherit(c, a));
        }
        return RouterOutcome.redirect(outcome.address(), children);
    }

    /** The router's user or group, expanded, for the local transports of what it accepts or generates. */
    private static AddressItem withAccount(AddressItem a, String variable, String text, RoutingContext context) {
        if (text == null) {
            return a;
        }
        try {
            return a.with(variable, RouteExpansion.expand(text, a, context).strip());
        } catch (ExpansionException e) {
            return a; // reported by account() already
        }
    }

    /**
     * A generated address inherits its parent's errors_to and header changes (addr->prop); a pipe,
     * file or reply also the router's user and group, under which it is delivered.
     */
    private static AddressItem inherit(AddressItem child, AddressItem parent) {
        AddressItem c = child;
        if (RouterOutcome.isPipeOrFile(child)) {
            for (String v : new String[] {RouterOutcome.USER, RouterOutcome.GROUP}) {
                String value = parent.variables().get(v);
                if (value != null && !c.variables().containsKey(v)) {
                    c = c.with(v, value);
                }
            }
        }
        for (String v : new String[] {RouterOutcome.ERRORS_TO, RouterOutcome.HEADERS_ADD, RouterOutcome.HEADERS_REMOVE}) {
            String value = parent.variables().get(v);
            if (value != null && !c.variables().containsKey(v)) {
                c = c.with(v, value);
            }
        }
        return c;
    }

    private String failedText(ExpansionException e) {
        return errorsTo != null ? errorsTo : headersAdd != null ? headersAdd : headersRemove;
    }

    /** Exim's message when user or group names no account; null when it does (or is unset). */
    private String account(String text, String kind, String database, AddressItem a, RoutingContext context) {
        if (text == null) {
            return null;
        }
        String name;
        try {
            name = RouteExpansion.expand(text, a, context).strip();
        } catch (ExpansionException e) {
            return "Failed to expand " + kind + " \"" + text + "\" for the " + router + " router: " + e.getMessage();
        }
        if (name.matches("\\d+")) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(Path.of(database))) {
                if (line.startsWith(name + ":")) {
                    return null;
                }
            }
        } catch (java.io.IOException e) {
            return null;
        }
        return "Failed to find " + kind + " \"" + name + "\" from expanded string \"" + text + "\" for the " + router
                + " router";
    }
}
