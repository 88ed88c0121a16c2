package org.jexim.log;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.appender.SyslogAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.net.Facility;
import org.apache.logging.log4j.core.net.Protocol;

/**
 * Where and how the logs go when log_file_path names {@code syslog}: log4j2's syslog appender
 * sends BSD-style datagrams ({@code <PRI>Mmm dd hh:mm:ss host exim[pid]: text}) with Exim's
 * facility ({@code syslog_facility}, default mail), process name ({@code syslog_processname}),
 * pid ({@code syslog_pid}) and, unless {@code syslog_timestamp} is false, Exim's own timestamp in
 * the text. The main log is sent at priority info, the reject log at notice, the panic log at alert,
 * as Exim does. Java cannot write to the datagram socket /dev/log, so the lines go over UDP to the
 * local syslog daemon at 127.0.0.1:514 (rsyslog's imudp), or to the host:port in the JEXIM_SYSLOG
 * environment variable or the jexim.syslog system property.
 */
public record SyslogTarget(String host, int port, Facility facility, String processName, boolean pid,
                           boolean timestamp) {
    private static final Map<String, Integer> SEVERITY = Map.of("main", 6, "reject", 5, "panic", 1);

    public static SyslogTarget defaults() {
        return of(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** From the configure's syslog_* options (their texts, when set). */
    public static SyslogTarget of(Optional<String> facility, Optional<String> processName, Optional<String> pid,
                                  Optional<String> timestamp) {
        String destination = Optional.ofNullable(System.getProperty("jexim.syslog"))
            .or(() -> Optional.ofNullable(System.getenv("JEXIM_SYSLOG"))).orElse("127.0.0.1:514");
        int colon = destination.lastIndexOf(':');
        String host = colon < 0 ? destination : destination.substring(0, colon);
        int port = colon < 0 ? 514 : Integer.parseInt(destination.substring(colon + 1));
        String name = facility.map(f -> f.trim().toUpperCase(Locale.ROOT)).filter(f -> !f.isEmpty()).orElse("MAIL");
        Facility chosen;
        try {
            chosen = Facility.toFacility(name.startsWith("LOG_") ? name.substring(4) : name, Facility.MAIL);
        } catch (RuntimeException e) {
            chosen = Facility.MAIL;
        }
        return new SyslogTarget(host, port, chosen, processName.map(String::trim).filter(p -> !p.isEmpty()).orElse("exim"),
            flag(pid, true), flag(timestamp, true));
    }

    private static boolean flag(Optional<String> text, boolean unset) {
        return text.map(t -> switch (t.trim().toLowerCase(Locale.ROOT)) {
            case "", "true", "yes" -> true;
            default -> false;
        }).orElse(unset);
    }

    /** The appender for one of Exim's logs ("main", "reject" or "panic"). */
    Appender appender(String name, String log, LogSelector selector, Configuration config) {
        int pri = facility.getCode() * 8 + SEVERITY.get(log);
        String stamp = selector.has("millisec") ? "%d{yyyy-MM-dd HH:mm:ss.SSS} " : "%d{yyyy-MM-dd HH:mm:ss} ";
        String pattern = "<" + pri + ">%d{MMM dd HH:mm:ss} " + hostName() + " " + processName.replace("%", "%%")
            + (pid ? "[%pid]" : "") + ": " + (timestamp ? stamp : "") + "%m";
        PatternLayout layout = PatternLayout.newBuilder().withConfiguration(config).withCharset(StandardCharsets.UTF_8)
            .withPattern(pattern).build();
        return SyslogAppender.newSyslogAppenderBuilder().setName(name).setConfiguration(config).setHost(host)
            .setPort(port).setProtocol(Protocol.UDP).setFacility(facility).setLayout(layout).setImmediateFail(false)
            .build();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replace("%", "");
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
