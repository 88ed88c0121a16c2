package org.jexim.transport;

import java.time.Clock;
import java.util.List;
import org.jexim.conf.translate.TranslatedDriver;
import org.jexim.retry.HostRetryHints;

/**
 * What transports need from the running server besides their own options: the authenticators
 * of the configure file (for the smtp transport's client side), the host retry hints, the clock,
 * where a remote transport logs a host it could not use (Exim's "ID H=host [ip] error" line:
 * message id, line), and who delivers the messages waiting for a host it has a connection to.
 */
public record TransportServices(List<TranslatedDriver> authenticators, HostRetryHints hostHints, Clock clock,
                                java.util.function.BiConsumer<String, String> hostLog, WaitingDeliveries waiting) {
    public TransportServices(List<TranslatedDriver> authenticators, HostRetryHints hostHints, Clock clock) {
        this(authenticators, hostHints, clock, (id, line) -> { });
    }

    public TransportServices(List<TranslatedDriver> authenticators, HostRetryHints hostHints, Clock clock,
                             java.util.function.BiConsumer<String, String> hostLog) {
        this(authenticators, hostHints, clock, hostLog, new WaitingDeliveries.None());
    }

    /** Exim's wait-TRANSPORT hints beside the retry hints (in memory only when those are). */
    public org.jexim.retry.HostWaits waits(String transport) {
        return org.jexim.retry.HostWaits.at(hostHints.directory().map(d -> d.resolve("jexim-wait-" + transport)).orElse(null));
    }

    /** No authenticators, no hints kept: for tests and -bt. */
    public static TransportServices none(Clock clock) {
        return new TransportServices(List.of(), new HostRetryHints(null), clock);
    }
}
