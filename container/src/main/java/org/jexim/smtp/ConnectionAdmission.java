package org.jexim.smtp;

import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Expander;
import org.jexim.lists.ListException;
import org.jexim.lists.ListMatcher;
import org.jexim.log.EximLog;
import org.jexim.queue.QueueOnly;
import org.jexim.runtime.JeximRuntime;
import org.jexim.server.LoadReserveCheck;
import org.jexim.smtp.wire.Admission;

/**
 * Exim's checks on a new connection, in its order (daemon.c, then smtp_start_session):
 * smtp_accept_max (default 20), smtp_load_reserve without reserve hosts,
 * smtp_accept_max_per_host (expanded with $sender_host_address), smtp_accept_reserve
 * (the last connections only for smtp_reserve_hosts), smtp_load_reserve with reserve hosts;
 * each refusal with Exim's 421 text and, with log_selector connection_reject (a default), its
 * main log line. The load checks are {@link LoadReserveCheck}'s.
 */
public final class ConnectionAdmission implements Admission {
    private final JeximRuntime runtime;
    private final LoadReserveCheck loadReserve;

    public ConnectionAdmission(JeximRuntime runtime) {
        this(runtime, QueueOnly::systemLoad);
    }

    ConnectionAdmission(JeximRuntime runtime, DoubleSupplier load) {
        this.runtime = runtime;
        this.loadReserve = new LoadReserveCheck(
                runtime.mainOption("smtp_load_reserve").map(String::strip).map(Double::parseDouble).orElse(-1.0),
                runtime.mainOption("smtp_reserve_hosts").map(s -> !s.isBlank()).orElse(false),
                this::inReserveList, load);
    }

    @Override
    public Optional<String> refuse(String ip, int others, int othersFromIp) {
        String who = "[" + ip + "]";
        int max = number("smtp_accept_max", 20);
        if (max > 0 && others >= max) {
            return refused("421 Too many concurrent SMTP connections; please try again later.",
                    "Connection from " + who + " refused: too many connections");
        }
        if (!loadReserve.reserveHosts()) {
            Optional<String> overloaded = loadRefusal(ip);
            if (overloaded.isPresent()) {
                return overloaded; // daemon.c refuses before the per-host count
            }
        }
        int perHost = perHostMax(ip);
        if (perHost > 0 && othersFromIp >= perHost) {
            return refused("421 Too many concurrent SMTP connections from this IP address; please try again later.",
                    "Connection from " + who + " refused: too many connections from that IP address");
        }
        int reserve = number("smtp_accept_reserve", 0);
        if (max > 0 && reserve > 0 && others + 1 > max - reserve && !inReserveList(ip)) {
            return refused("421 " + activeHostname() + ": Too many concurrent SMTP connections; please try again later",
                    "temporarily refused connection from " + who + ": not in reserve list: connected=" + others
                            + " max=" + max + " reserve=" + reserve);
        }
        return loadReserve.reserveHosts() ? loadRefusal(ip) : Optional.empty();
    }

    private Optional<String> loadRefusal(String ip) {
        return loadReserve.check(ip, activeHostname()).flatMap(r -> refused(r.code() + " " + r.text(), r.logLine()));
    }

    private String activeHostname() {
        return runtime.mainOption("smtp_active_hostname").orElse(runtime.primaryHostname());
    }

    private static Optional<String> refused(String reply, String logLine) {
        if (EximLog.main().selector().has("connection_reject")) {
            EximLog.main().main(logLine);
        }
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
}
