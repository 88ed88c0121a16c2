package org.jexim.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.expand.ExpansionException;

/**
 * The redirect router with {@code data} or {@code file}: the expanded text is a list of
 * addresses (which start again at the first router), pipes and files (which go to
 * pipe_transport / file_transport), {@code :include:} files, or {@code :blackhole:},
 * {@code :fail:}, {@code :defer:}, {@code :unknown:}; empty data declines.
 */
final class RedirectDriver implements RouterDriver {
    /** Variables that mark a generated pipe or file ("pipe"/"file") and its transport. */
    static final String PFR = "_pfr";
    static final String PFR_TRANSPORT = "_pfr_transport";
    static final String PFR_ERROR = "_pfr_error";

    /** The first lines that make a redirection list a filter (Exim's rda_is_filter). */
    private static final java.util.regex.Pattern FILTER_HEADER =
            java.util.regex.Pattern.compile("(?i)\\s*#\\s*exim\\s+filter");
    private static final java.util.regex.Pattern SIEVE_HEADER =
            java.util.regex.Pattern.compile("(?i)\\s*#\\s*sieve\\s+filter");

    /** An SMTP code and optional extended code at the start of a :fail: or :defer: message. */
    private static final java.util.regex.Pattern SMTP_CODE =
            java.util.regex.Pattern.compile("^[245]\\d\\d\\s+(?:[245]\\.\\d{1,3}\\.\\d{1,3}\\s+)?");

    private final String routerName;
    private final RedirectOptions options;

    RedirectDriver(String routerName, RedirectOptions options) {
        this.routerName = routerName;
        this.options = options;
    }

    @Override
    public RouterOutcome route(AddressItem address, RoutingContext context) {
        String text;
        try {
            if (options.data() != null) {
                text = RouteExpansion.expand(options.data(), address, context);
            } else if (options.file() != null) {
                org.jexim.conf.expand.Expansion.Result name =
                        RouteExpansion.expandWithTaint(options.file(), address, context);
                if (name.tainted()) {
                    return RouterOutcome.defer(address, "Tainted name '" + name.value()
                            + "' for file read not permitted\n");
                }
                text = readFile(name.value());
                if (text != null) {
                    String bad = options.fileChecks().check(Path.of(name.value()), address);
                    if (bad != null) {
                        return RouterOutcome.defer(address, bad);
                    }
                }
            } else {
                return RouterOutcome.defer(address, routerName + " router: neither data nor file set");
            }
        } catch (ExpansionException e) {
            if (e.forced()) {
                return RouterOutcome.decline(address);
            }
            return RouterOutcome.defer(address, "failed to expand \"" + (options.data() != null ? options.data()
                    : options.file()) + "\": " + e.getMessage());
        } catch (IOException e) {
            return RouterOutcome.defer(address, e.getMessage());
        }
        if (text == null || text.isBlank()) {
            return RouterOutcome.decline(address);
        }
        String filter = FILTER_HEADER.matcher(text).lookingAt() ? "Exim" : SIEVE_HEADER.matcher(text).lookingAt()
                ? "Sieve" : null;
        if (filter != null) {
            return options.allowFilter()
                    ? FilterRedirect.route(text, address, context, routerName, options)
                    : RouterOutcome.defer(address, "error in filter data: filtering not enabled");
        }
        List<AddressItem> children = new ArrayList<>();
        List<SyntaxErrorMail.Skipped> skipped = new ArrayList<>();
        RouterOutcome special;
        try {
            special = expandItems(text, address, context, children, skipped, 0);
        } catch (IOException e) {
            return RouterOutcome.defer(address, "error in redirect data: " + e.getMessage());
        }
        if (special != null) {
            return special.kind() == RouterOutcome.Kind.DECLINE || children.isEmpty() ? special
                    : new RouterOutcome(special.kind(), special.address(), null, special.message(),
                    List.copyOf(children), List.of());
        }
        if (!skipped.isEmpty()) {
            RouterOutcome failed = reportSkipped(skipped, !children.isEmpty(), address, context);
            if (failed != null) {
                return failed;
            }
            if (children.isEmpty()) {
                return RouterOutcome.decline(address);
            }
        }
        if (children.isEmpty()) {
            return RouterOutcome.discard(address);
        }
        if (options.checkAncestor()) {
            children.replaceAll(c -> isAncestor(c, address) ? new AddressItem(address.localPart(), address.domain(),
                    address, Map.of()) : c);
        }
        return RouterOutcome.redirect(address, children);
    }

    /** Adds the items' children; returns a fail/defer/decline outcome when an item asks for one. */
    private RouterOutcome expandItems(String text, AddressItem address, RoutingContext context,
                                      List<AddressItem> children, List<SyntaxErrorMail.Skipped> skipped, int depth)
            throws IOException {
        for (String item : RedirectList.items(text)) {
            if (item.startsWith(":fail:") || item.startsWith(":defer:")) {
                boolean fail = item.startsWith(":fail:");
                if (!(fail ? options.allowFail() : options.allowDefer())) {
                    return RouterOutcome.defer(address, "error in redirect data: \"" + item + "\" is not permitted");
                }
                String message = item.substring(fail ? 6 : 7).strip();
                if (RouterFactory.bool(options.all(), "forbid_smtp_code", false)) {
                    // the default codes are used instead of the ones the list gives
                    message = SMTP_CODE.matcher(message).replaceFirst("");
                }
                return fail ? RouterOutcome.fail(address, message) : RouterOutcome.defer(address, message);
            }
            if (item.equals(":unknown:")) {
                return RouterOutcome.decline(address);
            }
            if (item.equals(":blackhole:")) {
                if (options.forbidBlackhole()) {
                    return RouterOutcome.defer(address, "error in redirect data: \":blackhole:\" is not permitted");
                }
                children.clear(); // Exim discards the whole redirection
                return RouterOutcome.discard(address);
            }
            if (item.startsWith(":include:")) {
                if (options.forbidInclude()) {
                    return RouterOutcome.defer(address, "error in redirect data: \":include:\" is not permitted");
                }
                String path = item.substring(9).strip();
                String directory = options.includeDirectory();
                if (directory != null && !Path.of(path).normalize().startsWith(Path.of(directory))) {
                    return RouterOutcome.defer(address, "error in redirect data: included file " + path
                            + " is not in directory " + directory);
                }
                String included;
                try {
                    included = Files.readString(Path.of(path), StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    return RouterOutcome.defer(address, "error in redirect data: failed to open included file "
                            + path + ": No such file or directory");
                }
                RouterOutcome r = expandItems(included, address, context, children, skipped, depth + 1);
                if (r != null) {
                    return r;
                }
                continue;
            }
            String target = RedirectList.address(item);
            if (target.startsWith("\"|") && target.endsWith("\"")) {
                target = target.substring(1, target.length() - 1);
            }
            if (target.startsWith("|")) {
                children.add(pfr(address, target, "pipe", options.pipeTransport(), "pipe_transport",
                        options.forbidPipe(), context));
                continue;
            }
            if (target.startsWith("/")) {
                children.add(pfr(address, target, "file", options.fileTransport(), "file_transport",
                        options.forbidFile(), context));
                continue;
            }
            // a leading backslash (no further redirection of a local user) stays part of the address
            String syntax = AddressSyntax.error(target.startsWith("\\") ? target.substring(1) : target);
            if (syntax != null) {
                if (options.skipSyntaxErrors()) {
                    context.mainLog(routerName + " router: skipped error: " + syntax + " in \"" + item + "\"");
                    skipped.add(new SyntaxErrorMail.Skipped(syntax, item));
                    continue;
                }
                return RouterOutcome.defer(address, "error in redirect data: " + syntax + " in \"" + item + "\"");
            }
            int at = target.lastIndexOf('@');
            if (at < 0) {
                String domain = options.qualifyPreserveDomain() ? RouteVariables.domain(address) : context.qualifyRecipient();
                children.add(new AddressItem(target, domain, address, Map.of()));
            } else {
                children.add(new AddressItem(target.substring(0, at), target.substring(at + 1), address, Map.of()));
            }
        }
        return null;
    }

    /**
     * Mails the skipped errors to syntax_errors_to when routing delivers (not -bt, not verification);
     * a defer when syntax_errors_to or syntax_errors_text fails to expand, as Exim's, else null.
     */
    private RouterOutcome reportSkipped(List<SyntaxErrorMail.Skipped> skipped, boolean some, AddressItem address,
                                        RoutingContext context) {
        if (options.syntaxErrorsTo() == null || !context.submits()) {
            return null;
        }
        String to = expandForReport(options.syntaxErrorsTo(), address, context);
        String custom = options.syntaxErrorsText() == null ? null
                : expandForReport(options.syntaxErrorsText(), address, context);
        if (to == null || (options.syntaxErrorsText() != null && custom == null)) {
            return RouterOutcome.defer(address, null);
        }
        String from = expandForReport(context.lists().mainOption("dsn_from")
                .orElse(org.jexim.transport.DsnFrom.DEFAULT), address, context);
        context.submit(SyntaxErrorMail.text(routerName, skipped, from, to, custom, some,
                context.message().orElse(null)));
        return null;
    }

    /** An option's expansion, or null after logging Exim's "R router failed to expand X: why". */
    private String expandForReport(String option, AddressItem address, RoutingContext context) {
        try {
            return RouteExpansion.expand(option, address, context);
        } catch (ExpansionException e) {
            context.mainLog(routerName + " router failed to expand " + option + ": " + e.getMessage());
            return null;
        }
    }

    /** A generated pipe or file: the address is the command or path, the transport comes from the router. */
    private AddressItem pfr(AddressItem parent, String text, String kind, String transportOption, String optionName,
                            boolean forbidden, RoutingContext context) {
        AddressItem item = new AddressItem(text, "", parent, Map.of(PFR, kind));
        if (transportOption == null) {
            return item.with(PFR_ERROR, optionName + " unset in " + routerName + " router");
        }
        if (forbidden) {
            return item.with(PFR_ERROR, "forbidden");
        }
        try {
            return item.with(PFR_TRANSPORT, RouteExpansion.expand(transportOption, parent, context));
        } catch (ExpansionException e) {
            return item.with(PFR_ERROR, "failed to expand \"" + transportOption + "\" in " + routerName
                    + " router: " + e.getMessage());
        }
    }

    /** check_ancestor: a generated address that is the address itself or one of its ancestors. */
    private static boolean isAncestor(AddressItem child, AddressItem address) {
        for (AddressItem a = address; a != null; a = a.parent().orElse(null)) {
            if (a.address().equalsIgnoreCase(child.address())) {
                return true;
            }
        }
        return false;
    }

    private static String readFile(String path) throws IOException {
        Path p = Path.of(path);
        if (!Files.exists(p)) {
            // Exim's rda_exists: a missing file is an empty list only if its directory exists
            // (an unmounted home directory must not lose mail)
            Path parent = p.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new IOException("failed to stat " + parent + "/. (No such file or directory)");
            }
            return null;
        }
        if (!Files.isRegularFile(p)) {
            throw new IOException(path + " is not a regular file");
        }
        return Files.readString(p, StandardCharsets.ISO_8859_1);
    }
}
