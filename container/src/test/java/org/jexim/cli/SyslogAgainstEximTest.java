package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jexim.log.EximLogs;
import org.jexim.log.LogFilePath;
import org.jexim.log.LogSelector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * log_file_path = syslog side by side with exim4: the same submission, the same syslog_* options;
 * the datagrams exim4 sends to /dev/log (caught by {@link DevLogCapture}) and those jexim sends over
 * UDP must carry the same priorities and texts in the same order (multi-line lines cut into
 * "[n\m]" parts, syslog_duplication, syslog_timestamp, syslog_pid with +pid), after masking ids,
 * times and pids. The syslog header before the text differs by design: glibc's syslog(3) writes no
 * host name on /dev/log, while jexim's UDP datagram names the host for the receiving daemon.
 */
class SyslogAgainstEximTest {
    private static final Pattern DATAGRAM = Pattern.compile("^(<\\d+>)\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d (?:\\S+ )?exim\\[\\d+\\]: (.*)$");
    private static final String ACL = "acl_not_smtp = acl_ns\nbegin acl\nacl_ns:\n"
        + "  deny message = Go away\n       log_message = logged $recipients_count\n"
        + "       condition = ${if eq{$recipients}{bad@test.example}}\n  accept\n";
    private static final String MESSAGE = "Subject: hi\nX-Long: aaa\n\tbbb\n\nbody line\n";

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        System.clearProperty("jexim.syslog");
        EximLogs.install(LogFilePath.of("", dir), LogSelector.defaults(), java.util.Optional.empty());
    }

    static List<Arguments> cases() {
        return List.of(
            Arguments.of("syslog_duplication = false\nsyslog_facility = local3\n", "bad@test.example"),
            Arguments.of("syslog_facility = mail\n", "bad@test.example"),
            Arguments.of("syslog_timestamp = false\nlog_selector = +pid +received_recipients\n", "bob@test.example"),
            Arguments.of("syslog_pid = false\nlog_selector = +pid +millisec\n", "bob@test.example"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theSameDatagramsAsExim(String options, String recipient) throws Exception {
        assumeTrue(DevLogCapture.usable(), "needs exim4, root, unshare and python3");
        List<String> args = List.of("-odq", "-oep", "-f", "a@test.example", recipient);
        Path eximDir = Files.createDirectories(dir.resolve("exim"));
        String config = "log_file_path = syslog\nexim_user = root\nexim_group = root\nprimary_hostname = test.example\n"
            + "qualify_domain = test.example\n" + options + ACL;
        Path eximConf = org.jexim.testkit.EximOracle.configure(eximDir, config);
        List<String> exim = DevLogCapture.run(eximDir, eximConf, MESSAGE, args).stream()
            .map(SyslogAgainstEximTest::normal).filter(l -> !l.contains("purging the environment")
                && !l.contains("Suggested action")).toList();

        Path jeximDir = Files.createDirectories(dir.resolve("jexim"));
        Path jeximConf = org.jexim.testkit.EximOracle.configure(jeximDir, config);
        List<String> jexim;
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            System.setProperty("jexim.syslog", "127.0.0.1:" + socket.getLocalPort());
            List<String> all = new ArrayList<>(List.of("-C", jeximConf.toString()));
            all.addAll(args);
            CommandLine line = Main.parse(all.toArray(new String[0]));
            line.in = new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.ISO_8859_1));
            line.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.ISO_8859_1);
            line.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.ISO_8859_1);
            Main.run(line);
            jexim = received(socket).stream().map(SyslogAgainstEximTest::normal).toList();
        }
        assertThat(jexim).isNotEmpty().isEqualTo(exim);
    }

    /** Every datagram until none came for two seconds. */
    private static List<String> received(DatagramSocket socket) throws Exception {
        List<String> out = new ArrayList<>();
        socket.setSoTimeout(2000);
        byte[] buffer = new byte[65536];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return out;
            }
            out.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1));
        }
    }

    /** PRI and text, ids, dates, times and pids masked. */
    private static String normal(String datagram) {
        Matcher m = DATAGRAM.matcher(datagram);
        String text = m.matches() ? m.group(1) + " " + m.group(2) : "UNPARSED " + datagram;
        return SendmailAgainstEximTest.mask(text.replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} ", "STAMP ")
                .replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ", "STAMP "))
            .replaceAll("\\[\\d+\\] ", "[PID] ");
    }
}
