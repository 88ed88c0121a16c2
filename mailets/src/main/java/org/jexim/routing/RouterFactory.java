package org.jexim.routing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.address.Precondition;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.translate.OptionTexts;

/**
 * Builds a router from its option texts, the same whether they come from the configure file
 * (-bt) or from the translated mailetcontainer.xml (the server).
 */
public final class RouterFactory {
    private RouterFactory() {
    }

    public static RouterDefinition create(DriverInstance instance) {
        return create(instance.name(), instance.driver(), values(instance));
    }

    /** The options as Exim holds them after reading: quoted strings unquoted, booleans "true"/"false". */
    static Map<String, String> values(DriverInstance instance) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        instance.options().values().forEach(o -> values.put(o.name(),
                o.value() instanceof String s ? s : OptionTexts.of(o)));
        return values;
    }

    public static RouterDefinition create(String name, String driver, Map<String, String> options) {
        return new RouterDefinition(name, preconditions(options), driver(name, driver, options),
                bool(options, "more", true), bool(options, "repeat_use", true),
                options.get("address_data"), options.get("cannot_route_message"),
                bool(options, "unseen", false), options.get("pass_router"), new AddressProperties(name, options));
    }

    /** The preconditions in the order Exim tests them (spec 3.12, "Router preconditions"). */
    static List<Precondition> preconditions(Map<String, String> o) {
        List<Precondition> list = new ArrayList<>();
        boolean verify = bool(o, "verify", true);
        boolean verifyOnly = bool(o, "verify_only", false);
        boolean addressTest = bool(o, "address_test", true);
        list.add(new VerifyPrecondition(verifyOnly, bool(o, "verify_recipient", verify),
                bool(o, "verify_sender", verify), addressTest, bool(o, "expn", true)));
        if (bool(o, "caseful_local_part", false)) {
            // $local_part keeps its case for this router's tests and expansions
            list.add((address, context) -> java.util.Optional.of(address.with("local_part",
                    RouteVariables.dequote(address.localPart()))));
        }
        if (o.containsKey("domains")) {
            list.add(new ListOptionPrecondition(ListOptionPrecondition.Kind.DOMAINS, o.get("domains"), false));
        }
        if (o.containsKey("local_part_prefix")) {
            list.add(new AffixPrecondition(true, o.get("local_part_prefix"),
                    bool(o, "local_part_prefix_optional", false)));
        }
        if (o.containsKey("local_part_suffix")) {
            list.add(new AffixPrecondition(false, o.get("local_part_suffix"),
                    bool(o, "local_part_suffix_optional", false)));
        }
        if (o.containsKey("local_parts")) {
            list.add(new ListOptionPrecondition(ListOptionPrecondition.Kind.LOCAL_PARTS, o.get("local_parts"),
                    bool(o, "caseful_local_part", false)));
        }
        if (bool(o, "check_local_user", false)) {
            list.add(new LocalUserPrecondition(Path.of("/etc/passwd")));
        }
        if (o.containsKey("router_home_directory")) {
            list.add(new ExpandedSetting("router_home_directory", o.get("router_home_directory"), "home"));
        }
        if (o.containsKey("senders")) {
            list.add(new ListOptionPrecondition(ListOptionPrecondition.Kind.SENDERS, o.get("senders"), false));
        }
        if (o.containsKey("require_files")) {
            list.add(new RequireFilesPrecondition(o.get("require_files")));
        }
        if (o.containsKey("condition")) {
            list.add(new ConditionPrecondition(o.get("condition")));
        }
        return list;
    }

    private static RouterDriver driver(String name, String driver, Map<String, String> o) {
        return switch (driver) {
            case "accept" -> new AcceptDriver(name, o.get("transport"));
            case "redirect" -> new RedirectDriver(name, RedirectOptions.of(o));
            case "manualroute" -> new ManualrouteDriver(name, o);
            case "ipliteral" -> new IpliteralDriver(name, o.get("transport"), new SelfAction(o.get("self")));
            case "dnslookup" -> new DnslookupDriver(name, o);
            case "queryprogram" -> new QueryprogramDriver(name, o);
            case "iplookup" -> new IplookupDriver(name, o);
            default -> new UnsupportedDriver(name, driver);
        };
    }

    static boolean bool(Map<String, String> o, String name, boolean unset) {
        return OptionTexts.bool(o.get(name), unset);
    }
}
