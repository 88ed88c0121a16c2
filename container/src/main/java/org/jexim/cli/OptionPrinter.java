package org.jexim.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.DriverKind;
import org.jexim.conf.model.ListKind;
import org.jexim.conf.model.NamedList;
import org.jexim.conf.options.OptionDef;

/**
 * Prints what -bP asks for, word by word, as Exim 4.96 does (readconf.c readconf_print and the
 * -bP loop of exim.c): main options, driver instances and their lists, macros, named lists.
 */
final class OptionPrinter {
    private static final List<String> DRIVER_WORDS = List.of("router", "transport", "authenticator", "macro",
            "environment");

    private final Configuration config;
    private final OptionPrintSettings settings;
    private final PrintStream out;
    private final PrintStream err;
    private final OptionScope main;
    private final OptionLinePrinter lines;

    OptionPrinter(Configuration config, OptionPrintSettings settings, PrintStream out, PrintStream err) {
        this.config = config;
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.main = OptionScope.main(config.mainOptions());
        this.lines = new OptionLinePrinter(settings, main);
    }

    /** Runs the words after -bP; returns whether Exim would exit with status 0. */
    boolean print(List<String> words) {
        if (words.isEmpty()) {
            return printItem("all");
        }
        boolean fail = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i < words.size() - 1 && DRIVER_WORDS.contains(w)) {
                fail |= !printNamed(w, words.get(++i));
            } else {
                // Exim assigns rather than or-s here: only the last plain item decides the status
                fail = !printItem(w);
            }
        }
        return !fail;
    }

    private boolean printItem(String name) {
        if (name.startsWith("+")) {
            return printNamedList(name.substring(1));
        }
        switch (name) {
            case "configure_file":
            case "config_file":
                out.println(config.file());
                return true;
            case "all":
                main.printable().forEach(d -> out.println(lines.line(main, d)));
                return true;
            case "local_scan":
                out.println("local_scan() options are not supported");
                return false;
            case "config":
                return true;   // only "-bP config" as the first word prints the configure (PrintConfigCommand)
            case "routers":
                return printDrivers(DriverKind.ROUTER, null, false);
            case "transports":
                return printDrivers(DriverKind.TRANSPORT, null, false);
            case "authenticators":
                return printDrivers(DriverKind.AUTHENTICATOR, null, false);
            case "router_list":
                return printDrivers(DriverKind.ROUTER, null, true);
            case "transport_list":
                return printDrivers(DriverKind.TRANSPORT, null, true);
            case "authenticator_list":
                return printDrivers(DriverKind.AUTHENTICATOR, null, true);
            case "macros":
                return printMacros(null, false);
            case "macro_list":
                return printMacros(null, true);
            case "environment":
                return printEnvironment();
            default:
                OptionDef def = main.find(name).orElse(null);
                if (def == null) {
                    out.println(name + " is not a known option");
                    return false;
                }
                out.println(lines.line(main, def));
                return true;
        }
    }

    private boolean printNamed(String type, String name) {
        switch (type) {
            case "router":
                return printDrivers(DriverKind.ROUTER, name, false);
            case "transport":
                return printDrivers(DriverKind.TRANSPORT, name, false);
            case "authenticator":
                return printDrivers(DriverKind.AUTHENTICATOR, name, false);
            case "macro":
                return printMacros(name, false);
            default:
                // "environment NAME": Exim looks for a driver type called environment and finds none
                out.println(type + " " + name + " not found");
                return false;
        }
    }

    private boolean printDrivers(DriverKind kind, String name, boolean namesOnly) {
        List<DriverInstance> all = switch (kind) {
            case ROUTER -> config.routers();
            case TRANSPORT -> config.transports();
            case AUTHENTICATOR -> config.authenticators();
        };
        if (namesOnly) {
            all.forEach(d -> out.println(d.name()));
            return true;
        }
        for (DriverInstance d : all) {
            if (name == null) {
                out.println();
                out.println(d.name() + " " + kind.singular() + ":");
            } else if (!d.name().equals(name)) {
                continue;
            }
            OptionScope scope = OptionScope.driver(d, all);
            scope.printable().forEach(def -> out.println(lines.line(scope, def)));
            if (name != null) {
                return true;
            }
        }
        if (name == null) {
            return true;
        }
        out.println(kind.singular() + " " + name + " not found");
        return false;
    }

    private boolean printMacros(String name, boolean namesOnly) {
        if (!settings.admin()) {
            err.println("exim: permission denied");
            return false;
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(OptionBuiltinMacros.all());
        all.putAll(config.macros());
        for (Map.Entry<String, String> m : all.entrySet()) {
            if (name == null || name.equals(m.getKey())) {
                if (namesOnly) {
                    out.println(m.getKey());
                } else if (settings.noLabels()) {
                    out.println(m.getValue());
                } else {
                    out.println(m.getKey() + "=" + m.getValue());
                }
                if (name != null) {
                    return true;
                }
            }
        }
        if (name == null) {
            return true;
        }
        out.println("macro " + name + " not found");
        return false;
    }

    /** +NAME: every named list of that name, whatever its kind; hide always applies to lists. */
    private boolean printNamedList(String name) {
        boolean found = false;
        for (ListKind kind : new ListKind[] {ListKind.ADDRESS, ListKind.DOMAIN, ListKind.HOST, ListKind.LOCAL_PART}) {
            NamedList list = config.namedList(kind, name).orElse(null);
            if (list == null) {
                continue;
            }
            found = true;
            String value = list.hidden() ? OptionLinePrinter.HIDDEN : list.value();
            out.println(settings.noLabels() ? value : kind.keyword() + " " + name + " = " + value);
        }
        if (!found) {
            out.println("no address, domain, host, or local part list called \"" + name + "\" exists");
        }
        return found;
    }

    private boolean printEnvironment() {
        OptionEnvironment.of(config, main).forEach(e -> {
            int eq = e.indexOf('=');
            out.println(settings.noLabels() && eq >= 0 ? e.substring(0, eq) : e);
        });
        return true;
    }
}
