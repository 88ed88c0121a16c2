package org.jexim.queuetools;

import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * {@code deliver_queue_load_max}: a queue run that is not forced is abandoned while the system
 * load average is above it, with Exim's words.
 *
 * @param max the limit, negative when unset
 */
public record QueueLoadLimit(double max, DoubleSupplier loadAverage) {
    public static final QueueLoadLimit NONE = new QueueLoadLimit(-1, () -> 0);

    /** "(load 3.20, max 2.00)" when the load passes the limit now. */
    Optional<String> exceeded() {
        if (max < 0) {
            return Optional.empty();
        }
        double now = loadAverage.getAsDouble();
        return now > max ? Optional.of(String.format(Locale.ROOT, "(load %.2f, max %.2f)", now, max)) : Optional.empty();
    }
}
