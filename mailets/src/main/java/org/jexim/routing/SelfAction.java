package org.jexim.routing;

import java.util.List;
import java.util.Map;
import org.jexim.address.AddressItem;

/**
 * The generic {@code self} option: what a router does when the host it found is this host
 * ({@code freeze} and {@code defer} defer, {@code fail} fails, {@code pass} passes to the next
 * router, {@code send} delivers anyway, {@code reroute:domain} routes the address anew in that domain).
 */
final class SelfAction {
    private final String option;

    SelfAction(String option) {
        this.option = option == null ? "freeze" : option.strip();
    }

    /** Whether hosts that are this host are delivered to anyway. */
    boolean send() {
        return option.equals("send");
    }

    /** The outcome for an address whose host is this host, with Exim's message. */
    RouterOutcome outcome(AddressItem address, String message) {
        if (option.equals("fail")) {
            return RouterOutcome.fail(address, message);
        }
        if (option.equals("pass")) {
            return RouterOutcome.pass(address);
        }
        if (option.startsWith("reroute:")) {
            String domain = option.substring(8).strip();
            return RouterOutcome.redirect(address, List.of(new AddressItem(address.localPart(), domain, address, Map.of())));
        }
        return RouterOutcome.defer(address, message);
    }
}
