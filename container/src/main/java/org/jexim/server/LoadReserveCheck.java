package org.jexim.server;

import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * Exim's {@code smtp_load_reserve}: while the load average is above it, a new SMTP connection is
 * refused unless its host is in {@code smtp_reserve_hosts}. Without reserve hosts the daemon
 * refuses at once (daemon.c: "421 Too much load; please try again later."); with them the
 * session does (smtp_in.c: "421 HOST: Too much load; please try again later"), each with its
 * own main log line.
 *
 * @param reserve smtp_load_reserve, negative when unset
 * @param reserveHosts whether smtp_reserve_hosts is set
 * @param reserved whether an IP address is in smtp_reserve_hosts
 */
public record LoadReserveCheck(double reserve, boolean reserveHosts, Predicate<String> reserved, DoubleSupplier loadAverage) {
    /** The reply and the main log line of a refusal. */
    public record Refusal(String code, String text, String logLine) {
    }

    /** The refusal for a client at {@code ip} connecting now to {@code hostname}, if it is refused. */
    public Optional<Refusal> check(String ip, String hostname) {
        if (reserve < 0) {
            return Optional.empty();
        }
        double load = loadAverage.getAsDouble();
        if (load <= reserve) {
            return Optional.empty();
        }
        String average = String.format(Locale.ROOT, "%.2f", load);
        if (!reserveHosts) {
            return Optional.of(new Refusal("421", "Too much load; please try again later.",
                    "Connection from [" + ip + "] refused: load average = " + average));
        }
        if (reserved.test(ip)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("421", hostname + ": Too much load; please try again later",
                "temporarily refused connection from [" + ip + "]: not in reserve list and load average = " + average));
    }
}
