package org.jexim.log;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.net.Facility;

/**
 * Where and how the logs go when log_file_path names {@code syslog}: BSD-style datagrams
 * ({@code <PRI>Mmm dd hh:mm:ss host exim[pid]: text}) with Exim's facility ({@code syslog_facility},
 * default mail), process name ({@code syslog_processname}), and in the text Exim's own timestamp
 * unless {@code syslog_timestamp} is false and the +pid selector's {@code [pid]} unless
 * {@code syslog_pid} is false. The main log is sent at priority info, the reject log at notice, the
 * panic log at alert; a line written to main and reject (or panic) log is sent once only when
 * {@code syslog_duplication} is false; lines with newlines are cut into {@link SyslogParts}, as Exim
 * does. Java cannot write to the datagram socket /dev/log, so the lines go over UDP to the local
 * syslog daemon at 127.0.0.1:514 (rsyslog's imudp), or to the host:port in the JEXIM_SYSLOG
 * environment variable or the jexim.syslog system property.
 */
public record SyslogTarget(String host, int port, Facility facility, String processName, boolean pid,
                           boolean timestamp, boolean duplication) {
    private static final Map<String, Integer> SEVERITY = Map.of("main", 6, "reject", 5, "panic", 1);

    public static SyslogTarget defaults() {
        return of(name -> Optional.empty());
    }

    /** From the configure's syslog_* options: {@code option} gives the text of a main option, when set. */
    public static SyslogTarget of(Function<String, Optional<String>> option) {
        String destination = Optional.ofNullable(System.getProperty("jexim.syslog"))
            .or(() -> Optional.ofNullable(System.getenv("JEXIM_SYSLOG"))).orElse("127.0.0.1:514");
        int colon = destination.lastIndexOf(':');
        String host = colon < 0 ? destination : destination.substring(0, colon);
        int port = colon < 0 ? 514 : Integer.parseInt(destination.substring(colon + 1));
        String name = option.apply("syslog_facility").map(f -> f.trim().toUpperCase(Locale.ROOT)).filter(f -> !f.isEmpty())
            .orElse("MAIL");
        Facility chosen;
        try {
            chosen = Facility.toFacility(name.startsWith("LOG_") ? name.substring(4) : name, Facility.MAIL);
        } catch (RuntimeException e) {
            chosen = Facility.MAIL;
        }
        return new SyslogTarget(host, port, chosen,
            option.apply("syslog_processname").map(String::trim).filter(p -> !p.isEmpty()).orElse("exim"),
            flag(option.apply("syslog_pid")), flag(option.apply("syslog_timestamp")),
            flag(option.apply("syslog_duplication")));
    }

    private static boolean flag(Optional<String> text) {
        return text.map(t -> switch (t.trim().toLowerCase(Locale.ROOT)) {
            case "", "true", "yes" -> true;
            default -> false;
        }).orElse(true);
    }

    /** The appender for one of Exim's logs ("main", "reject" or "panic"). */
    Appender appender(String name, String log, LogSelector selector, Configuration config) {
        int pri = facility.getCode() * 8 + SEVERITY.get(log);
        String stamp = selector.has("millisec") ? "%d{yyyy-MM-dd HH:mm:ss.SSS} " : "%d{yyyy-MM-dd HH:mm:ss} ";
        String pattern = (timestamp ? stamp : "") + (pid && selector.has("pid") ? "[%pid] " : "") + "%m";
        PatternLayout layout = PatternLayout.newBuilder().withConfiguration(config).withCharset(StandardCharsets.UTF_8)
            .withPattern(pattern).build();
        return new UdpSyslogAppender(name, layout, UdpSyslogAppender.address(host, port), pri, hostName(),
            processName + "[" + ProcessHandle.current().pid() + "]", duplication);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
