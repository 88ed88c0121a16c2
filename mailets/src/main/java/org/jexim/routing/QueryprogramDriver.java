package org.jexim.routing;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.items.ExtractItems;
import org.jexim.conf.options.EximTime;
import org.jexim.transport.PipeCommand;

/**
 * The queryprogram router (spec, "The queryprogram router"): runs {@code command} (split and
 * expanded as a pipe transport's, no shell, nothing on its input, in {@code current_directory})
 * and acts on the first line it writes: ACCEPT (with TRANSPORT=, HOSTS=, LOOKUP=, DATA=),
 * DECLINE, PASS, FAIL, DEFER or FREEZE with a message, or REDIRECT with a list of addresses.
 */
final class QueryprogramDriver implements RouterDriver {
    private final String routerName;
    private final Map<String, String> o;

    QueryprogramDriver(String routerName, Map<String, String> options) {
        this.routerName = routerName;
        this.o = options;
    }

    @Override
    public RouterOutcome route(AddressItem address, RoutingContext context) {
        String command = o.get("command");
        if (command == null) {
            return RouterOutcome.defer(address, "command not specified for " + routerName + " router");
        }
        String output;
        try {
            List<String> argv = new ArrayList<>();
            for (String arg : PipeCommand.split(command)) {
                org.jexim.conf.expand.Expansion.Result r = RouteExpansion.expandWithTaint(arg, address, context);
                if (r.tainted()) {
                    // as Exim 4.96: data from the message may not become a command argument
                    return RouterOutcome.defer(address, "Tainted arg " + argv.size() + " for queryprogram router "
                            + "command: '" + r.value() + "'");
                }
                argv.add(r.value());
            }
            if (argv.isEmpty() || !argv.get(0).startsWith("/")) {
                return RouterOutcome.defer(address, routerName + " router couldn't create child process: "
                        + "No such file or directory");
            }
            ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null"))).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.directory(new java.io.File(o.getOrDefault("current_directory", "/")));
            Process p = pb.start();
            byte[] out = p.getInputStream().readNBytes(1023);
            long timeout = o.containsKey("timeout") ? EximTime.read(o.get("timeout")) : 3600;
            if (!p.waitFor(timeout == 0 ? Long.MAX_VALUE : timeout, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return RouterOutcome.defer(address, routerName + " router: command timed out");
            }
            if (p.exitValue() != 0) {
                return RouterOutcome.defer(address, routerName + " router: command returned non-zero code "
                        + p.exitValue());
            }
            output = new String(out, StandardCharsets.ISO_8859_1);
        } catch (ExpansionException e) {
            return RouterOutcome.defer(address, "Expansion of \"" + command + "\" (command for queryprogram router) "
                    + "failed: " + e.getMessage());
        } catch (IOException e) {
            return RouterOutcome.defer(address, routerName + " router couldn't create child process: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RouterOutcome.defer(address, routerName + " router: interrupted");
        }
        String line = output.strip();
        if (line.isEmpty()) {
            return RouterOutcome.defer(address, routerName + " router: command failed to return data");
        }
        int sp = 0;
        while (sp < line.length() && !Character.isWhitespace(line.charAt(sp))) {
            sp++;
        }
        String word = line.substring(0, sp).toLowerCase(Locale.ROOT);
        String data = sp < line.length() ? line.substring(sp + 1) : "";
        return switch (word) {
            case "redirect" -> redirect(address, data, context);
            case "accept" -> accept(address, data, context);
            case "decline" -> RouterOutcome.decline(address);
            case "pass" -> RouterOutcome.pass(address);
            case "fail" -> RouterOutcome.fail(address, data);
            case "defer", "freeze" -> RouterOutcome.defer(address, data);
            default -> RouterOutcome.defer(address, "bad command yield: " + line.substring(0, sp) + " " + data);
        };
    }

    /** REDIRECT: the rest of the line is a list of addresses only (no pipes, files or specials). */
    private RouterOutcome redirect(AddressItem address, String data, RoutingContext context) {
        List<AddressItem> children = new ArrayList<>();
        for (String item : RedirectList.items(data)) {
            String target = RedirectList.address(item);
            if (target.startsWith("|") || target.startsWith("/")) {
                // pipes and files are generated but forbidden (Exim's rda_interpret without RDO_PIPE/RDO_FILE)
                children.add(new AddressItem(target, "", address, Map.of(RedirectDriver.PFR,
                        target.startsWith("|") ? "pipe" : "file", RedirectDriver.PFR_ERROR, "forbidden")));
                continue;
            }
            String error = target.startsWith(":") ? "\"" + item + "\" is not permitted" : AddressSyntax.error(target);
            if (error != null) {
                return RouterOutcome.defer(address, "error in redirect data: " + error);
            }
            int at = target.lastIndexOf('@');
            children.add(at < 0 ? new AddressItem(target, context.qualifyRecipient(), address, Map.of())
                    : new AddressItem(target.substring(0, at), target.substring(at + 1), address, Map.of()));
        }
        if (children.isEmpty()) {
            return RouterOutcome.defer(address, "error in redirect data: no addresses supplied");
        }
        return RouterOutcome.redirect(address, children);
    }

    /** ACCEPT: the keyed fields give the transport, hosts and $address_data. */
    private RouterOutcome accept(AddressItem address, String data, RoutingContext context) {
        String addressData = ExtractItems.keyed("data", data);
        AddressItem routed = addressData == null || addressData.isEmpty() ? address
                : address.with("address_data", addressData);
        String transport = ExtractItems.keyed("transport", data);
        if (transport == null || transport.isEmpty()) {
            transport = o.get("transport");
            if (transport == null) {
                return RouterOutcome.defer(address, "router " + routerName + ": no transport defined");
            }
            try {
                transport = RouteExpansion.expand(transport, routed, context);
            } catch (ExpansionException e) {
                return RouterOutcome.defer(address, "failed to expand transport name \"" + transport + "\" in "
                        + routerName + " router: " + e.getMessage());
            }
        }
        String hosts = ExtractItems.keyed("hosts", data);
        if (hosts == null || hosts.isEmpty()) {
            return RouterOutcome.accept(routed, transport);
        }
        String lookup = ExtractItems.keyed("lookup", data);
        if (lookup != null && !lookup.isEmpty() && !lookup.equals("byname") && !lookup.equals("bydns")) {
            return RouterOutcome.defer(address, "bad lookup type \"" + lookup + "\" yielded by command");
        }
        try {
            // Exim 4.96 keeps only the first host of HOSTS= (observed with exim4 -bt; the rest are dropped)
            List<RouteHost> found = HostListParser.resolve(hosts);
            return RouterOutcome.accept(routed, transport, found.isEmpty() ? found : found.subList(0, 1));
        } catch (UnknownHostException | RuntimeException e) {
            return RouterOutcome.defer(address, "lookup of host \"" + hosts + "\" failed in " + routerName + " router");
        }
    }
}
