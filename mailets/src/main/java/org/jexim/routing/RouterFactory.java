package org.jexim.routing;

import org.jexim.address.Precondition;
import org.jexim.address.ListPrecondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.translate.OptionTexts;

/**
 * Builds a router from its option texts, the same whether they come from the configure file
 * (-bt) or from the translated mailetcontainer.xml (the server).
 */
public final class RouterFactory {
    /** Preconditions that jexim cannot test yet, in Exim's order; a router that sets one defers. */
    static final List<String> UNSUPPORTED_PRECONDITIONS = List.of(
            "local_part_prefix", "local_part_suffix", "check_local_user", "router_home_directory",
            "senders", "require_files", "condition");

    private RouterFactory() {
    }

    public static RouterDefinition create(DriverInstance instance) {
        return create(instance.name(), instance.driver(), OptionTexts.of(instance));
    }

    public static RouterDefinition create(String name, String driver, Map<String, String> options) {
        List<Precondition> preconditions = new ArrayList<>();
        if (options.containsKey("domains")) {
            preconditions.add(ListPrecondition.domains(options.get("domains")));
        }
        if (options.containsKey("local_parts")) {
            preconditions.add(ListPrecondition.localParts(options.get("local_parts")));
        }
        List<String> unsupported = new ArrayList<>();
        for (String p : UNSUPPORTED_PRECONDITIONS) {
            if (options.containsKey(p) && !(p.equals("check_local_user") && !OptionTexts.bool(options.get(p), false))) {
                unsupported.add(p);
            }
        }
        return new RouterDefinition(name, preconditions, unsupported, driver(name, driver, options),
                OptionTexts.bool(options.get("more"), true),
                OptionTexts.bool(options.get("verify_only"), false),
                options.get("address_data"));
    }

    private static RouterDriver driver(String name, String driver, Map<String, String> options) {
        return switch (driver) {
            case "accept" -> new AcceptDriver(name, options.get("transport"));
            case "redirect" -> new RedirectDriver(name, options.get("data"), options.get("file"),
                    OptionTexts.bool(options.get("allow_fail"), false),
                    OptionTexts.bool(options.get("allow_defer"), false),
                    OptionTexts.bool(options.get("qualify_preserve_domain"), false));
            default -> new UnsupportedDriver(name, driver);
        };
    }
}
