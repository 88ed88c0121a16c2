package org.jexim.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * log_file_path = syslog: the lines reach a syslog daemon (here a UDP listener the test opens,
 * standing in for rsyslog) as BSD syslog datagrams with Exim's facility, priority, process name
 * and pid, and with or without Exim's timestamp as syslog_timestamp says.
 */
class EximSyslogTest {
    @TempDir
    Path spool;

    @AfterEach
    void forget() {
        System.clearProperty("jexim.syslog");
        EximLogs.install(LogFilePath.of("", spool), LogSelector.defaults(), Optional.empty());
    }

    private static String receive(DatagramSocket socket) throws Exception {
        byte[] buffer = new byte[4096];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void syslogAloneSendsEveryLogThereAndWritesNoFile() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(10_000);
            System.setProperty("jexim.syslog", "127.0.0.1:" + socket.getLocalPort());
            SyslogTarget target = SyslogTarget.of(n -> Optional.ofNullable(java.util.Map.of("syslog_facility", "local3",
                "syslog_processname", "jexim").get(n)));
            EximLog log = EximLogs.install(LogFilePath.of("syslog", spool), LogSelector.defaults(), Optional.empty(), target);
            log.received(Arrival.local("1xUxkK-0006cq-0f", "a@x.org", "root", "local", 279));
            String pid = Long.toString(ProcessHandle.current().pid());
            // local3 is facility 19: info = 19*8+6
            assertThat(receive(socket)).matches("<158>\\w{3} \\d\\d \\d\\d:\\d\\d:\\d\\d \\S+ jexim\\[" + pid + "\\]: "
                + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d 1xUxkK-0006cq-0f <= a@x.org U=root P=local S=279");
            log.rejectedRcpt(SmtpPeer.of("192.0.2.1", 25), "a@x.org", "x@y.example", "relay not permitted");
            // the line goes to the main log (info) and to the reject log (notice = 19*8+5)
            String first = receive(socket);
            String second = receive(socket);
            assertThat(java.util.List.of(first.substring(0, 5), second.substring(0, 5))).containsExactlyInAnyOrder("<158>", "<157>");
            assertThat(second).endsWith("H=[192.0.2.1] F=<a@x.org> rejected RCPT <x@y.example>: relay not permitted");
            assertThat(Files.exists(spool.resolve("log/mainlog"))).isFalse();
        }
    }

    @Test
    void filesAndSyslogTogetherWithoutTimestampAsConfigured() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(10_000);
            System.setProperty("jexim.syslog", "127.0.0.1:" + socket.getLocalPort());
            SyslogTarget target = SyslogTarget.of(n -> Optional.ofNullable(java.util.Map.of("syslog_processname", "exim4",
                "syslog_pid", "false", "syslog_timestamp", "false").get(n)));
            EximLog log = EximLogs.install(LogFilePath.of(" syslog : " + spool + "/%slog", spool), LogSelector.defaults(),
                Optional.empty(), target);
            log.panic("failed to expand something");
            // mail is facility 2: alert = 2*8+1 for the panic log, info = 2*8+6 for the main log
            String a = receive(socket);
            String b = receive(socket);
            // the tag keeps the pid (openlog LOG_PID); syslog_pid only drops +pid's [pid] from the text
            String pid = Long.toString(ProcessHandle.current().pid());
            assertThat(java.util.List.of(a, b)).allMatch(l -> l.endsWith(" exim4[" + pid + "]: failed to expand something"));
            assertThat(java.util.List.of(a.substring(0, 4), b.substring(0, 4))).containsExactlyInAnyOrder("<17>", "<22>");
            assertThat(Files.readString(spool.resolve("mainlog"))).endsWith(" failed to expand something\n");
        }
    }
}
