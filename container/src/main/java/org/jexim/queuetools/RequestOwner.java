package org.jexim.queuetools;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whose requests a {@link DeliveryRequestWatcher} serves: everyone's (the daemon), or only those
 * one process filed (the delivery process a command starts when no daemon runs), so that two
 * such processes never serve each other's requests.
 *
 * @param pid the process whose requests are served; empty for all
 */
public record RequestOwner(Optional<Long> pid) {
    /** Every request: the daemon's watcher. */
    public static final RequestOwner ANY = new RequestOwner(Optional.empty());

    /** Only the requests this process files. */
    public static RequestOwner thisProcess() {
        return new RequestOwner(Optional.of(ProcessHandle.current().pid()));
    }

    /** Whether the request file is one to serve (the files are named PID-NANOS.req, see {@link DeliveryRequests}). */
    boolean serves(Path request) {
        return pid.map(p -> request.getFileName().toString().startsWith(p + "-")).orElse(true);
    }
}
