package org.jexim.routing;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;

/**
 * Exim's verify_address for -bt (full information: every generated address, its parents,
 * router, transport and hosts) and -bv (short: the first decisive answer), printing what Exim
 * prints. One verifier serves all the addresses of one command, which share the duplicate tree.
 */
public final class AddressVerifier {
    /** The results Exim's verify_address returns. */
    public enum Result { OK, DEFER, FAIL }

    private final RoutingEngine engine;
    private final Predicate<String> localTransport;
    private final PrintStream out;
    private final Set<String> duplicates = new HashSet<>();
    private RoutingEngine.RoutedAddress verifiedBy;

    public AddressVerifier(RoutingEngine engine, Predicate<String> localTransport, PrintStream out) {
        this.engine = engine;
        this.localTransport = localTransport;
        this.out = out;
    }

    /**
     * Verifies one address as typed ({@code unique}: the text before qualification, which
     * Exim's duplicate check keys top-level addresses on).
     */
    public Result verify(AddressItem top, String unique, RoutingContext context, boolean fullInfo, boolean testMode) {
        Deque<AddressItem> pending = new ArrayDeque<>();
        pending.add(top);
        List<RoutingEngine.RoutedAddress> local = new ArrayList<>();
        List<RoutingEngine.RoutedAddress> remote = new ArrayList<>();
        boolean allOk = true;
        Result result = Result.OK;
        while (!pending.isEmpty()) {
            AddressItem addr = pending.poll();
            if (addr.variables().containsKey(RedirectDriver.PFR)) {
                allOk = false;
                printPfr(addr);
                continue;
            }
            RoutingEngine.RoutedAddress routed = engine.routeOne(addr, context);
            RouterOutcome outcome = routed.outcome();
            List<AddressItem> children = outcome.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.addFirst(children.get(i));
            }
            String shown = fullInfo ? display(addr) : display(top);
            switch (outcome.kind()) {
                case FAIL -> {
                    allOk = false;
                    out.print(shown + (testMode ? " is undeliverable" : " failed to verify") + message(outcome));
                    printParents(addr, fullInfo);
                    if (!fullInfo) {
                        return Result.FAIL;
                    }
                    result = Result.FAIL;
                }
                case DEFER -> {
                    allOk = false;
                    String m = outcome.message() == null ? ": unknown error" : ": " + outcome.message();
                    out.print(shown + " cannot be resolved at this time" + m);
                    printParents(addr, fullInfo);
                    if (!fullInfo) {
                        return Result.DEFER;
                    }
                    if (result == Result.OK) {
                        result = Result.DEFER;
                    }
                }
                default -> {
                    if (outcome.kind() == RouterOutcome.Kind.ACCEPT) {
                        (localTransport.test(outcome.transport()) ? local : remote).add(0, routed);
                    }
                    if (!fullInfo && (pending.isEmpty() || pending.size() > 1
                            || pending.peek().variables().containsKey(RedirectDriver.PFR))) {
                        verifiedBy = outcome.kind() == RouterOutcome.Kind.ACCEPT ? routed : null;
                        out.println(display(top) + (testMode ? " is deliverable" : " verified"));
                        return Result.OK;
                    }
                }
            }
        }
        if (!fullInfo) {
            return result;
        }
        if (allOk && local.isEmpty() && remote.isEmpty()) {
            out.println("mail to " + display(top) + " is discarded");
            return result;
        }
        for (List<RoutingEngine.RoutedAddress> list : List.of(local, remote)) {
            for (RoutingEngine.RoutedAddress r : list) {
                printAccepted(r, unique);
            }
        }
        return result;
    }

    /**
     * After a short verification that gave OK: the accepted address it ended on (router,
     * transport, hosts), which a callout calls out for; empty when it ended on a redirection.
     */
    public java.util.Optional<RoutingEngine.RoutedAddress> verifiedBy() {
        return java.util.Optional.ofNullable(verifiedBy);
    }

    private static String message(RouterOutcome outcome) {
        return outcome.message() == null ? "" : ": " + outcome.message();
    }

    private void printParents(AddressItem addr, boolean fullInfo) {
        if (fullInfo) {
            for (AddressItem p = addr.parent().orElse(null); p != null; p = p.parent().orElse(null)) {
                out.print("\n    <-- " + display(p));
            }
        }
        out.println();
    }

    private void printPfr(AddressItem addr) {
        String target = addr.localPart().startsWith(">") ? "mail " + addr.localPart().substring(1) : addr.localPart();
        out.print(display(addr.parent().orElseThrow()) + " -> " + target);
        String error = addr.variables().get(RedirectDriver.PFR_ERROR);
        if ("forbidden".equals(error)) {
            out.println(" *** forbidden ***");
        } else if (error != null) {
            out.println("\n*** Error in setting up pipe, file, or autoreply:\n" + error);
        } else {
            out.println("\n  transport = " + addr.variables().get(RedirectDriver.PFR_TRANSPORT));
        }
    }

    private void printAccepted(RoutingEngine.RoutedAddress r, String topUnique) {
        AddressItem addr = r.address();
        StringBuilder b = new StringBuilder(display(addr));
        String unique = addr.variables().containsKey(RoutingEngine.UNIQUE) ? addr.variables().get(RoutingEngine.UNIQUE)
                : addr.parent().isPresent() ? display(addr) : topUnique;
        if (!duplicates.add(unique)) {
            b.append("   [duplicate, would not be delivered]");
        }
        for (AddressItem p = addr.parent().orElse(null); p != null; p = p.parent().orElse(null)) {
            b.append("\n    <-- ").append(display(p));
        }
        String transport = r.outcome().transport();
        b.append("\n  router = ").append(r.router()).append(", transport = ")
                .append(transport == null ? "unset" : transport).append('\n');
        List<RouteHost> hosts = r.outcome().hosts();
        int maxLen = 0;
        int maxAddr = 0;
        for (RouteHost h : hosts) {
            maxLen = Math.max(maxLen, h.name().length());
            maxAddr = Math.max(maxAddr, h.address() == null ? 7 : h.address().length());
        }
        for (RouteHost h : hosts) {
            b.append("  host ").append(pad(h.name(), maxLen)).append(' ');
            if (h.address() != null) {
                b.append('[').append(h.address()).append(pad("]", maxAddr + 1 - h.address().length()));
            } else if (transport != null && localTransport.test(transport)) {
                b.append(' ').append(pad("", maxAddr)).append(' ');
            } else {
                b.append("[unknown").append(pad("]", maxAddr + 1 - 7));
            }
            if (h.mx() >= 0) {
                b.append(" MX=").append(h.mx());
            }
            if (h.port() >= 0) {
                b.append(" port=").append(h.port());
            }
            b.append('\n');
        }
        out.print(b);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** How Exim shows an address: local part @ domain, or the pipe or file text. */
    static String display(AddressItem a) {
        return a.variables().containsKey(RedirectDriver.PFR) ? a.localPart() : a.address();
    }
}
