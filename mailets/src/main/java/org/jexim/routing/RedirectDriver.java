package org.jexim.routing;

import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jexim.conf.expand.ExpansionException;

/**
 * The redirect router with {@code data} or {@code file}: the expanded text is a list of
 * addresses (new addresses start again at the first router), or {@code :blackhole:},
 * {@code :fail:}, {@code :defer:}; empty data or a forced expansion failure declines.
 * Pipes, files and {@code :include:} are not implemented yet and defer.
 */
final class RedirectDriver implements RouterDriver {
    private final String routerName;
    private final String data;
    private final String file;
    private final boolean allowFail;
    private final boolean allowDefer;
    private final boolean qualifyPreserveDomain;

    RedirectDriver(String routerName, String data, String file, boolean allowFail, boolean allowDefer,
                   boolean qualifyPreserveDomain) {
        this.routerName = routerName;
        this.data = data;
        this.file = file;
        this.allowFail = allowFail;
        this.allowDefer = allowDefer;
        this.qualifyPreserveDomain = qualifyPreserveDomain;
    }

    @Override
    public RouterOutcome route(AddressItem address, RoutingContext context) {
        String text;
        try {
            text = data != null ? context.expand(data, address) : readFile(context.expand(file, address));
        } catch (ExpansionException e) {
            if (e.forced()) {
                return RouterOutcome.decline(address);
            }
            return RouterOutcome.defer(address, "failed to expand \"" + (data != null ? data : file) + "\" in "
                    + routerName + " router: " + e.getMessage());
        } catch (IOException e) {
            return RouterOutcome.defer(address, routerName + " router: " + e.getMessage());
        }
        if (text == null || text.isBlank()) {
            return RouterOutcome.decline(address);
        }
        String trimmed = text.strip();
        if (trimmed.startsWith(":blackhole:")) {
            return RouterOutcome.discard(address);
        }
        if (trimmed.startsWith(":fail:")) {
            String message = trimmed.substring(6).strip();
            return allowFail ? RouterOutcome.fail(address, message)
                    : RouterOutcome.defer(address, "fail not permitted in " + routerName + " router");
        }
        if (trimmed.startsWith(":defer:")) {
            String message = trimmed.substring(7).strip();
            return allowDefer ? RouterOutcome.defer(address, message)
                    : RouterOutcome.defer(address, "defer not permitted in " + routerName + " router");
        }
        List<AddressItem> children = new ArrayList<>();
        for (String item : split(trimmed)) {
            if (item.startsWith("|") || item.startsWith("/") || item.startsWith(":include:")) {
                return RouterOutcome.defer(address, routerName + " router: \"" + item
                        + "\": pipes, files and :include: are not implemented in jexim yet");
            }
            String a = item.startsWith("<") && item.endsWith(">") ? item.substring(1, item.length() - 1) : item;
            if (a.equals(":unknown:") || a.isEmpty()) {
                continue;
            }
            int at = a.lastIndexOf('@');
            if (at < 0) {
                children.add(address.child(a, qualifyPreserveDomain ? address.domain() : context.qualifyRecipient()));
            } else {
                children.add(address.child(a.substring(0, at), a.substring(at + 1)));
            }
        }
        if (children.isEmpty()) {
            return RouterOutcome.decline(address);
        }
        return RouterOutcome.redirect(address, children);
    }

    private static String readFile(String path) throws IOException {
        Path p = Path.of(path);
        if (!Files.exists(p)) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (!line.stripLeading().startsWith("#")) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    /** Items are separated by commas or newlines; quoted strings keep their commas. */
    static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && (c == ',' || c == '\n')) {
                items.add(item.toString().strip());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        items.add(item.toString().strip());
        items.removeIf(String::isEmpty);
        return items;
    }
}
