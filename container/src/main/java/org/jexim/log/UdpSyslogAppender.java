package org.jexim.log;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Sends one of Exim's logs to a syslog daemon over UDP, as Exim's write_syslog does through
 * syslog(3): each line cut into {@link SyslogParts}, each part one BSD-style datagram
 * {@code <PRI>Mmm dd hh:mm:ss host tag[pid]: text}. A main-log copy of a line that also goes to the
 * reject or panic log ({@link Log4jSink#DUPLICATE}) is left out when syslog_duplication is false.
 */
final class UdpSyslogAppender extends AbstractAppender {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);
    private final InetSocketAddress target;
    private final String prefix;
    private final boolean duplication;
    private final String hostAndTag;
    private DatagramSocket socket;

    /**
     * @param priority facility * 8 + severity
     * @param tag      syslog_processname with the process id, as openlog(LOG_PID) writes it
     * @param text     the layout of the text after the tag (Exim's timestamp, when syslog_timestamp, and the line)
     */
    UdpSyslogAppender(String name, Layout<String> text, InetSocketAddress target, int priority, String host, String tag,
                      boolean duplication) {
        super(name, null, text, true, Property.EMPTY_ARRAY);
        this.target = target;
        this.prefix = "<" + priority + ">";
        this.duplication = duplication;
        this.hostAndTag = " " + host + " " + tag + ": ";
    }

    @Override
    public void start() {
        try {
            socket = new DatagramSocket();
        } catch (IOException e) {
            error("cannot open a UDP socket for syslog: " + e.getMessage());
        }
        super.start();
    }

    @Override
    public void append(LogEvent event) {
        if (socket == null || (!duplication && Log4jSink.DUPLICATE.equals(event.getMarker()))) {
            return;
        }
        String text = ((Layout<?>) getLayout()).toSerializable(event).toString();
        String header = prefix + STAMP.format(LocalDateTime.now()) + hostAndTag;
        for (String part : SyslogParts.of(text)) {
            byte[] bytes = (header + part).getBytes(StandardCharsets.UTF_8);
            try {
                socket.send(new DatagramPacket(bytes, bytes.length, target));
            } catch (IOException e) {
                error("cannot send to syslog at " + target + ": " + e.getMessage());
            }
        }
    }

    @Override
    public boolean stop(long timeout, java.util.concurrent.TimeUnit unit) {
        if (socket != null) {
            socket.close();
        }
        return super.stop(timeout, unit);
    }

    static InetSocketAddress address(String host, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (IOException e) {
            return InetSocketAddress.createUnresolved(host, port);
        }
    }
}
