package org.jexim.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jexim.address.AddressItem;
import org.jexim.address.MessageContent;
import org.jexim.address.RoutingContext;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.filter.FilterAction;
import org.jexim.filter.FilterAddress;
import org.jexim.filter.FilterMessage;
import org.jexim.filter.FilterPermissions;
import org.jexim.filter.FilterResult;
import org.jexim.filter.FilterSetup;
import org.jexim.filter.FilterType;
import org.jexim.filter.FilterInterpreter;
import org.jexim.filter.SieveFilter;

/**
 * The redirect router's data or file is a filter ("# Exim filter"): runs it and turns what it
 * set up into the router's outcome, as Exim's redirect.c does. deliver gives new addresses;
 * save, pipe and mail/vacation give pipe, file and reply items for file_transport,
 * pipe_transport and reply_transport; no significant delivery means the address also goes on
 * to the next router; fail/defer/freeze fail or defer it.
 */
final class FilterRedirect {
    /** Per-item variables of a reply: the mail/vacation arguments, prefixed. */
    static final String REPLY_PREFIX = org.jexim.transport.AutoreplyTransport.REPLY_PREFIX;

    private FilterRedirect() {
    }

    static RouterOutcome route(String text, AddressItem address, RoutingContext context, String routerName,
                               RedirectOptions options) {
        String where = options.data() != null ? "data" : "file";
        Map<String, String> o = options.all();
        ExpansionContext base = ForbiddingContext.of(context.variablesFor(address), o);
        boolean real = context.message().isPresent();
        FilterPermissions permissions = new FilterPermissions(false, options.allowDefer(), options.allowFail(),
                RouterFactory.bool(o, "allow_freeze", false), real,
                !RouterFactory.bool(o, "forbid_filter_logwrite", false));
        FilterSetup setup = new FilterSetup(base, permissions, null, true, false);
        FilterType type = FilterType.of(text);
        // Exim's rda_interpret refuses a filter type its router forbids, before reading it
        if (type == FilterType.SIEVE && RouterFactory.bool(o, "forbid_sieve_filter", false)) {
            return RouterOutcome.defer(address, "error in filter " + where + ": Sieve filtering not enabled");
        }
        if (type == FilterType.EXIM && RouterFactory.bool(o, "forbid_exim_filter", false)) {
            return RouterOutcome.defer(address, "error in filter " + where + ": Exim filtering not enabled");
        }
        FilterResult result;
        if (type == FilterType.SIEVE) {
            SieveFilter.Options sieve;
            try {
                sieve = new SieveFilter.Options(expand(o.get("sieve_vacation_directory"), address, context),
                        expand(o.get("sieve_useraddress"), address, context),
                        expand(o.get("sieve_subaddress"), address, context));
            } catch (ExpansionException e) {
                return RouterOutcome.defer(address, "failed to expand sieve option: " + e.getMessage());
            }
            result = SieveFilter.run(text, setup, message(context, base), filterAddress(address, base), sieve);
        } else {
            result = FilterInterpreter.run(text, setup, message(context, base), filterAddress(address, base), null);
        }
        List<AddressItem> children = new ArrayList<>();
        for (FilterAction action : result.actions()) {
            children.add(child(action, address, context, routerName, o));
        }
        switch (result.outcome()) {
            case ERROR:
                return RouterOutcome.defer(address, "error in filter " + where + ": " + result.message());
            case DEFER:
                return RouterOutcome.defer(address, result.message().isEmpty() ? "forced defer" : result.message());
            case FAIL:
                return withChildren(RouterOutcome.fail(address, result.message().isEmpty() ? "forced rejection"
                        : result.message()), children);
            case FREEZE:
                return withChildren(RouterOutcome.defer(address, result.message().isEmpty() ? "frozen by filter"
                        : result.message()), children);
            case DELIVERED:
                return children.isEmpty() ? RouterOutcome.discard(address) : RouterOutcome.redirect(address, children);
            default:
                if (children.isEmpty()) {
                    return RouterOutcome.decline(address);
                }
                // normal delivery still happens: a copy of the address goes on after this router
                children.add(new AddressItem(address.localPart(), address.domain(), address, address.variables())
                        .with(RoutingEngine.START_AFTER, routerName));
                return RouterOutcome.redirect(address, children);
        }
    }

    private static String expand(String option, AddressItem address, RoutingContext context)
            throws ExpansionException {
        return option == null ? null : RouteExpansion.expand(option, address, context);
    }

    private static RouterOutcome withChildren(RouterOutcome o, List<AddressItem> children) {
        return children.isEmpty() ? o : new RouterOutcome(o.kind(), o.address(), null, o.message(),
                List.copyOf(children), List.of());
    }

    private static FilterMessage message(RoutingContext context, ExpansionContext base) {
        String sender = base.variable("sender_address").orElse("");
        String id = base.variable("message_id").orElse("");
        MessageContent m = context.message().orElse(null);
        List<String> headers = m == null ? List.of() : m.headerLines();
        String body = m == null ? "" : m.body();
        long headerSize = headers.stream().mapToLong(String::length).sum() + (m == null ? 0 : 1);
        return new FilterMessage(headers, body, sender, base.variable("return_path").orElse(sender), id, headerSize);
    }

    private static FilterAddress filterAddress(AddressItem address, ExpansionContext base) {
        return new FilterAddress(RouteVariables.localPart(address), RouteVariables.domain(address),
                base.variable("local_part_prefix").filter(s -> !s.isEmpty()).orElse(null),
                base.variable("local_part_suffix").filter(s -> !s.isEmpty()).orElse(null),
                base.variable("home").orElse(null));
    }

    private static AddressItem child(FilterAction action, AddressItem parent, RoutingContext context,
                                     String routerName, Map<String, String> o) {
        if (action instanceof FilterAction.Deliver d) {
            int at = d.address().lastIndexOf('@');
            // deliver's errors_to: bounces for this delivery go there (the parser checked it is allowed)
            return new AddressItem(d.address().substring(0, at), d.address().substring(at + 1), parent,
                    d.errorsTo() == null ? Map.of() : Map.of(RouterOutcome.ERRORS_TO, d.errorsTo()));
        }
        if (action instanceof FilterAction.Save s) {
            // a path ending in "/" is a directory: directory_transport delivers it, as in Exim
            return pfr(parent, s.path(), "file", o, s.path().endsWith("/") ? "directory_transport" : "file_transport",
                    context, routerName, Map.of());
        }
        if (action instanceof FilterAction.Pipe p) {
            return pfr(parent, p.command(), "pipe", o, "pipe_transport", context, routerName, Map.of());
        }
        FilterAction.Reply r = (FilterAction.Reply) action;
        if (RouterFactory.bool(o, "forbid_filter_reply", false)) {
            return new AddressItem(r.logAddress(), "", parent, Map.of(RedirectDriver.PFR, "reply",
                    RedirectDriver.PFR_ERROR, "forbidden"));
        }
        return pfr(parent, r.logAddress(), "reply", o, "reply_transport", context, routerName, replyVariables(r));
    }

    /** The per-item variables that carry a mail/vacation command's arguments to the autoreply transport. */
    static Map<String, String> replyVariables(FilterAction.Reply r) {
        Map<String, String> vars = new HashMap<>();
        r.args().forEach((k, v) -> vars.put(REPLY_PREFIX + k, v));
        vars.put(REPLY_PREFIX + "file_expand", Boolean.toString(r.expandFile()));
        vars.put(REPLY_PREFIX + "return_message", Boolean.toString(r.returnMessage()));
        vars.put(REPLY_PREFIX + "once_repeat_seconds", Integer.toString(r.onceRepeat()));
        return vars;
    }

    private static AddressItem pfr(AddressItem parent, String text, String kind, Map<String, String> o,
                                   String optionName, RoutingContext context, String routerName,
                                   Map<String, String> extra) {
        Map<String, String> vars = new HashMap<>(extra);
        vars.put(RedirectDriver.PFR, kind);
        AddressItem item = new AddressItem(text, "", parent, vars);
        String transport = o.get(optionName);
        if (transport == null) {
            return item.with(RedirectDriver.PFR_ERROR, optionName + " unset in " + routerName + " router");
        }
        try {
            return item.with(RedirectDriver.PFR_TRANSPORT, RouteExpansion.expand(transport, parent, context));
        } catch (ExpansionException e) {
            return item.with(RedirectDriver.PFR_ERROR, "failed to expand \"" + transport + "\" in " + routerName
                    + " router: " + e.getMessage());
        }
    }
}
