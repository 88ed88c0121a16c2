package org.jexim.smtp;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Expander;
import org.jexim.lists.ListException;
import org.jexim.lists.ListMatcher;
import org.jexim.log.EximLog;
import org.jexim.runtime.JeximRuntime;
import org.jexim.smtp.wire.Admission;

/**
 * Exim's checks on a new connection, in its order (daemon.c, then smtp_start_session):
 * smtp_accept_max (default 20), smtp_load_reserve without reserve hosts,
 * smtp_accept_max_per_host (expanded with $sender_host_address), smtp_accept_reserve
 * (the last connections only for smtp_reserve_hosts), smtp_load_reserve with reserve hosts;
 * each refusal with Exim's 421 text and main log line.
 */
public final class ConnectionAdmission implements Admission {
    private final JeximRuntime runtime;
    private final DoubleSupplier load;

    public ConnectionAdmission(JeximRuntime runtime) {
        this(runtime, () -> ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    ConnectionAdmission(JeximRuntime runtime, DoubleSupplier load) {
        this.runtime = runtime;
        this.load = load;
    }

    @Override
    public Optional<String> refuse(String ip, int others, int othersFromIp) {
        String who = "[" + ip + "]";
        int max = number("smtp_accept_max", 20);
        if (max > 0 && others >= max) {
            return refused("421 Too many concurrent SMTP connections; please try again later.",
                    "Connection from " + who + " refused: too many connections");
        }
        double reserveLoad = runtime.mainOption("smtp_load_reserve").map(String::strip).map(Double::parseDouble).orElse(-1.0);
        boolean reserveHosts = runtime.mainOption("smtp_reserve_hosts").map(s -> !s.isBlank()).orElse(false);
        double loadAverage = reserveLoad >= 0 ? load.getAsDouble() : 0;
        if (reserveLoad >= 0 && !reserveHosts && loadAverage > reserveLoad) {
            return refused("421 Too much load; please try again later.",
                    "Connection from " + who + " refused: load average = " + twoPlaces(loadAverage));
        }
        int perHost = perHostMax(ip);
        if (perHost > 0 && othersFromIp >= perHost) {
            return refused("421 Too many concurrent SMTP connections from this IP address; please try again later.",
                    "Connection from " + who + " refused: too many connections from that IP address");
        }
        int reserve = number("smtp_accept_reserve", 0);
        boolean reserved = false;
        if (max > 0 && reserve > 0 && others + 1 > max - reserve) {
            if (!inReserveList(ip)) {
                return refused("421 " + runtime.primaryHostname() + ": Too many concurrent SMTP connections; please try again later",
                        "temporarily refused connection from " + who + ": not in reserve list: connected=" + others
                                + " max=" + max + " reserve=" + reserve);
            }
            reserved = true;
        }
        if (reserveLoad >= 0 && loadAverage > reserveLoad && !reserved && !inReserveList(ip)) {
            return refused("421 " + runtime.primaryHostname() + ": Too much load; please try again later",
                    "temporarily refused connection from " + who + ": not in reserve list and load average = " + twoPlaces(loadAverage));
        }
        return Optional.empty();
    }

    private static Optional<String> refused(String reply, String logLine) {
        EximLog.main().main(logLine);
        return Optional.of(reply + "\r\n");
    }

    private int number(String option, int unset) {
        return runtime.mainOption(option).map(String::strip).filter(s -> s.matches("[0-9]+")).map(Integer::parseInt).orElse(unset);
    }

    /** smtp_accept_max_per_host, expanded for the connecting address; 0 when unset or not a number. */
    private int perHostMax(String ip) {
        String option = runtime.mainOption("smtp_accept_max_per_host").orElse(null);
        if (option == null) {
            return 0;
        }
        try {
            String expanded = Expander.expand(option, new SessionState(ip, 0, runtime.primaryHostname()).subject(null)).strip();
            if (!expanded.matches("[0-9]*")) {
                EximLog.main().panic("expansion of smtp_accept_max_per_host for [" + ip + "] contains non-digit: " + expanded);
                return leadingDigits(expanded);
            }
            return expanded.isEmpty() ? 0 : Integer.parseInt(expanded);
        } catch (ExpansionException e) {
            EximLog.main().panic("expansion of smtp_accept_max_per_host failed for [" + ip + "]: " + e.getMessage());
            return 0;
        }
    }

    private static int leadingDigits(String text) {
        int i = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i == 0 ? 0 : Integer.parseInt(text.substring(0, i));
    }

    private boolean inReserveList(String ip) {
        try {
            return ListMatcher.hosts(runtime).match(runtime.mainOption("smtp_reserve_hosts").orElse(""), ip).matched();
        } catch (ListException e) {
            return true; // Exim: a deferred lookup counts as in the list
        }
    }

    private static String twoPlaces(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
