package org.jexim.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.filter.FilterAction;

/**
 * The addresses a system filter generated, as Exim's deliver.c makes them: deliver gives a new
 * address routed from the first router; save, pipe, mail and vacation give items for the
 * system_filter_file (or _directory, for a path ending in "/"), _pipe and _reply transports,
 * children of the fake parent {@code system-filter@qualify_domain}.
 */
public final class SystemFilterDeliveries {
    private SystemFilterDeliveries() {
    }

    /**
     * @param transports the main options system_filter_file_transport ... by their Exim names;
     *                   an unset one defers its item with Exim's "system_filter_TYPE_transport is unset"
     */
    public static List<AddressItem> children(List<FilterAction> actions, AddressItem parent, RoutingContext context,
                                             Map<String, String> transports) {
        List<AddressItem> children = new ArrayList<>();
        for (FilterAction action : actions) {
            if (action instanceof FilterAction.Deliver d) {
                int at = d.address().lastIndexOf('@');
                children.add(new AddressItem(d.address().substring(0, at), d.address().substring(at + 1), parent,
                        Map.of()));
            } else if (action instanceof FilterAction.Save s) {
                String type = s.path().endsWith("/") ? "directory" : "file";
                children.add(pfr(parent, s.path(), "file", type, transports, context, Map.of()));
            } else if (action instanceof FilterAction.Pipe p) {
                children.add(pfr(parent, p.command(), "pipe", "pipe", transports, context, Map.of()));
            } else {
                FilterAction.Reply r = (FilterAction.Reply) action;
                children.add(pfr(parent, r.logAddress(), "reply", "reply", transports, context,
                        FilterRedirect.replyVariables(r)));
            }
        }
        return children;
    }

    private static AddressItem pfr(AddressItem parent, String text, String kind, String type,
                                   Map<String, String> transports, RoutingContext context, Map<String, String> extra) {
        Map<String, String> vars = new java.util.HashMap<>(extra);
        vars.put(RedirectDriver.PFR, kind);
        AddressItem item = new AddressItem(text, "", parent, vars);
        String option = "system_filter_" + type + "_transport";
        String transport = transports.get(option);
        if (transport == null || transport.isBlank()) {
            return item.with(RedirectDriver.PFR_ERROR, option + " is unset");
        }
        try {
            return item.with(RedirectDriver.PFR_TRANSPORT, RouteExpansion.expand(transport.strip(), parent, context));
        } catch (ExpansionException e) {
            return item.with(RedirectDriver.PFR_ERROR, "failed to expand \"" + transport.strip()
                    + "\" as a system filter transport name");
        }
    }
}
