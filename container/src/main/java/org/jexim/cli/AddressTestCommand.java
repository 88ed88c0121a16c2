package org.jexim.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.ListKind;
import org.jexim.conf.model.NamedList;
import org.jexim.lists.ListContext;
import org.jexim.routing.AddressVerifier;
import org.jexim.routing.RouteDns;
import org.jexim.routing.RouteVariables;
import org.jexim.routing.RouterDefinition;
import org.jexim.routing.RouterFactory;
import org.jexim.routing.RoutingEngine;
import org.jexim.routing.rewrite.Rewriter;

/**
 * -bt (address testing) and -bv (address verification), as {@code exim -bt/-bv}: each argument
 * is routed by the shared {@link RoutingEngine} and reported in Exim's format; the exit status
 * is 2 when an address failed, 1 when one could not be resolved, 0 otherwise.
 */
final class AddressTestCommand implements Command {
    /** Transport drivers that deliver locally (Exim's info->local). */
    private static final Set<String> LOCAL_DRIVERS = Set.of("appendfile", "pipe", "autoreply", "lmtp");

    @Override
    public int run(CommandLine line) throws Exception {
        Configuration config = ConfigLoader.load(line);
        if (config == null) {
            return 1;
        }
        boolean test = line.mode().equals("-bt");
        PrintStream out = new PrintStream(line.out(), true, StandardCharsets.ISO_8859_1);
        List<RouterDefinition> routers = new ArrayList<>();
        for (DriverInstance r : config.routers()) {
            routers.add(RouterFactory.create(r));
        }
        Set<String> localTransports = config.transports().stream()
                .filter(t -> LOCAL_DRIVERS.contains(t.driver())).map(DriverInstance::name).collect(Collectors.toSet());
        AddressVerifier verifier = new AddressVerifier(new RoutingEngine(routers), localTransports::contains, out);
        MainSettings settings = MainSettings.of(config);
        String host = settings.primaryHostname();
        String qualifyDomain = settings.qualifyDomain();
        String qualifyRecipient = settings.qualifyRecipient();
        Rewriter rewriter = settings.rewriter();
        String sender = line.flags().getOrDefault("-f", System.getProperty("user.name", "root") + "@" + qualifyDomain);
        Map<String, String> variables = new HashMap<>();
        variables.put("sender_address", sender);
        variables.put("return_path", sender);
        variables.put("_verify", test ? "test" : "recipient");
        // the resolver the routers ask: a macro both Exim and jexim accept, unused by Exim
        variables.put(RouteVariables.LOCAL_TRANSPORTS, String.join(" ", localTransports));
        variables.put(RouteDns.SERVERS_VARIABLE, config.macros().getOrDefault("JEXIM_DNS_SERVERS", ""));
        variables.put(org.jexim.routing.ResolverSearch.VARIABLE, config.macros().getOrDefault("JEXIM_DNS_SEARCH", ""));
        variables.put(RouteDns.IPV4_LOOKUP_VARIABLE, config.mainOption("dns_ipv4_lookup").map(o -> o.text()).orElse(""));
        // Exim's log lines: -bt shows them as "LOG: MAIN", -bv writes them with their time to stderr
        RoutingContext context = new RoutingContext(lists(config, host), qualifyRecipient, variables)
                .withMainLog(l -> line.err().print(test ? "LOG: MAIN\n  " + l + "\n"
                        : java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern(
                        "yyyy-MM-dd HH:mm:ss")) + " " + l + "\n"));
        int status = 0;
        for (String argument : line.arguments()) {
            AddressItem address;
            try {
                address = AddressArgument.parse(argument, qualifyRecipient);
            } catch (IllegalArgumentException e) {
                out.println("syntax error: " + e.getMessage());
                status = 2;
                continue;
            }
            if (!rewriter.isEmpty()) {
                // verify_address: the address is rewritten (T rules for -bt/-bv) and that is what is routed
                String rewritten = rewriter.rewriteAddress(address.address(), true);
                if (!rewritten.equals(address.address())) {
                    out.println("Address rewritten as: " + rewritten);
                    address = AddressItem.of(rewritten);
                }
            }
            AddressVerifier.Result r = verifier.verify(address, AddressArgument.unique(argument), context, test, test);
            if (r == AddressVerifier.Result.FAIL) {
                status = 2;
            } else if (r == AddressVerifier.Result.DEFER && status == 0) {
                status = 1;
            }
        }
        out.flush();
        return status;
    }

    private static ListContext lists(Configuration config, String host) {
        return new ListContext() {
            @Override
            public Optional<String> namedList(ListKind kind, String name) {
                return config.namedList(kind, name).map(NamedList::value);
            }

            @Override
            public String primaryHostname() {
                return host;
            }
        };
    }
}
