package org.jexim.routing;

import java.util.Locale;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;

/**
 * The routing variables a router's preconditions set on an address and that belong to that
 * router alone (spec, "Generic options for routers"): they are cleared before the next router.
 */
public final class RouteVariables {
    static final String[] ROUTER_LOCAL = {"domain_data", "local_part_data", "local_part", "local_part_prefix",
            "local_part_suffix", "local_part_prefix_v", "local_part_suffix_v", "home", "address_data",
            "local_user_uid", "local_user_gid"};
    /** Internal variable: the routing mode, "none" (-bt, delivery), "recipient" or "sender". */
    static final String VERIFY = "_verify";

    private RouteVariables() {
    }

    /** $local_part as the router sees it: after affix removal, lower-cased unless set otherwise. */
    static String localPart(AddressItem address) {
        String v = address.variables().get("local_part");
        return v != null ? v : dequote(address.localPart()).toLowerCase(Locale.ROOT);
    }

    /** A local part without its quotes and backslash escapes, as Exim's deliver_split_address leaves it. */
    static String dequote(String localPart) {
        if (localPart.indexOf('"') < 0) {
            return localPart;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < localPart.length(); i++) {
            char c = localPart.charAt(i);
            if (c == '\\' && i + 1 < localPart.length()) {
                b.append(localPart.charAt(++i));
            } else if (c != '"') {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String domain(AddressItem address) {
        return address.domain().toLowerCase(Locale.ROOT);
    }

    static String sender(AddressItem address, RoutingContext context) {
        return context.variablesFor(address).variable("sender_address").orElse("");
    }

    /** Internal variable: the names of the configure's local transports, space-separated (Exim's info->local). */
    public static final String LOCAL_TRANSPORTS = org.jexim.matchers.RouterContexts.LOCAL_TRANSPORTS;

    static boolean localTransport(String name, AddressItem address, RoutingContext context) {
        String list = context.variablesFor(address).variable(LOCAL_TRANSPORTS).orElse("");
        return (" " + list + " ").contains(" " + name + " ");
    }

    static String verifyMode(AddressItem address, RoutingContext context) {
        return context.variablesFor(address).variable(VERIFY).orElse("none");
    }
}
