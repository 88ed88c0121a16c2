package org.jexim.scan;

import java.time.LocalTime;
import java.util.List;

/**
 * One element of {@code spamd_address}: where the spamd listens (a Unix socket, or a host and
 * a port range tried in order) and its per-server options {@code pri=}, {@code weight=},
 * {@code time=}, {@code retry=}, {@code tmo=}, {@code variant=}.
 */
public record SpamdServer(List<ScanEndpoint> endpoints, int priority, int weight, LocalTime from, LocalTime to,
        int retrySeconds, int timeoutSeconds, boolean rspamd) {

    /** Exim's default overall timeout: two minutes. */
    public static final int DEFAULT_TIMEOUT = 120;

    /** Whether the {@code time=} window (if any) includes {@code now}. */
    boolean usableAt(LocalTime now) {
        if (from == null) {
            return true;
        }
        return from.isAfter(to) ? !now.isBefore(from) || !now.isAfter(to) : !now.isBefore(from) && !now.isAfter(to);
    }
}
