package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Several messages down one SMTP connection (connection_max_messages) against Exim 4.96: exim4 -bd
 * and jexim -bd on src/test/resources/retry/configure with connection_max_messages = 2, each
 * relaying to an exim4 -bd of its own that is down when four messages arrive (they wait for the
 * host) and up for the -qf run that follows. Both deliver the four over two connections, the
 * second message of each with Exim's "*" after the host, and log the same lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContinuedDeliveryIT {
    static final Path EXIM = Path.of("/usr/sbin/exim4");
    static final int MESSAGES = 4;
    Path configure;
    Path exim;
    Path jexim;
    Path eximRemote;
    Path jeximRemote;
    final List<Long> pids = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(EXIM) && "root".equals(System.getProperty("user.name")),
                "needs exim4 and root (exim4 -C drops to Debian-exim)");
        configure = Path.of(getClass().getResource("/retry/configure").toURI());
        exim = Files.createTempDirectory("continued-exim");
        jexim = Files.createTempDirectory("continued-jexim");
        eximRemote = Files.createTempDirectory("continued-exim-remote");
        jeximRemote = Files.createTempDirectory("continued-jexim-remote");
        for (Path d : List.of(exim, jexim, eximRemote, jeximRemote)) {
            for (String sub : List.of("spool", "log", "mail")) {
                Files.createDirectories(d.resolve(sub));
            }
            Jexim.run(List.of("chmod", "755", d.toString()));
        }
        Jexim.run(List.of("chown", "-R", "Debian-exim", exim.toString(), eximRemote.toString(), jeximRemote.toString()));
        int eximRemotePort = Jexim.freePort();
        int jeximRemotePort = Jexim.freePort();
        int eximPort = Jexim.freePort();
        List<String> eximArgs = List.of(EXIM.toString(), "-C", configure.toString(), "-DDIR=" + exim, "-DPORT=" + eximPort,
                "-DRELAY_TO=" + eximRemotePort, "-DDUSER=Debian-exim", "-DCMM=2");
        Jexim.Result e = Jexim.run(concat(eximArgs, "-bd", "-oP", exim.resolve("pid").toString()));
        assertThat(e.status()).as(e.output()).isZero();
        int jeximPort = Jexim.freePort();
        List<String> jeximArgs = List.of("-C", configure.toString(), "-DDIR=" + jexim, "-DPORT=" + jeximPort,
                "-DRELAY_TO=" + jeximRemotePort, "-DDUSER=root", "-DCMM=2");
        Jexim.Result j = Jexim.jexim(concat(jeximArgs, "-bd").toArray(new String[0]));
        assertThat(j.status()).as(j.output()).isZero();
        EximDaemon.waitForPort(eximPort);
        EximDaemon.waitForPort(jeximPort);
        pids.add(Long.parseLong(Files.readString(exim.resolve("pid")).strip()));
        for (int i = 1; i <= MESSAGES; i++) {
            for (int port : new int[] {eximPort, jeximPort}) {
                Jexim.Result s = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--helo", "client.example",
                        "--from", "sender@delivery.example", "--to", "u" + i + "@remote.example",
                        "--header", "Subject: continued " + i, "--body", "one of several"));
                assertThat(s.output()).as(s.output()).contains("<-  250 ");
            }
            MainLogs.waitForLines(" == u" + i + "@remote.example", 1, exim, jexim);
        }
        startRemote(eximRemote, eximRemotePort);
        startRemote(jeximRemote, jeximRemotePort);
        Jexim.Result x = Jexim.run(concat(eximArgs, "-qf"));
        assertThat(x.status()).as(x.output()).isZero();
        Jexim.Result y = Jexim.jexim(concat(jeximArgs, "-qf").toArray(new String[0]));
        assertThat(y.status()).as(y.output()).isZero();
        MainLogs.waitForLines("=> u", MESSAGES, exim, jexim);
    }

    private void startRemote(Path dir, int port) throws Exception {
        Jexim.Result r = Jexim.run(List.of(EXIM.toString(), "-C", Path.of(getClass().getResource("/delivery/remote.conf")
                .toURI()).toString(), "-DDIR=" + dir, "-DPORT=" + port, "-bd", "-oP", dir.resolve("pid").toString()));
        assertThat(r.status()).as(r.output()).isZero();
        EximDaemon.waitForPort(port);
        pids.add(Long.parseLong(Files.readString(dir.resolve("pid")).strip()));
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    @AfterAll
    void stop() throws Exception {
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
        if (jexim != null) {
            Jexim.stop(jexim.resolve("spool"));
        }
    }

    private static List<String> deliveries(Path dir) throws Exception {
        return MainLogs.lines(dir, "=>", DeliveryDifferentialIT::mask).stream()
                .map(l -> l.replaceAll("u[0-9]@", "uN@")).sorted().toList();
    }

    @Test
    void theSecondMessageOfEachConnectionIsMarkedAsEximMarksIt() throws Exception {
        List<String> e = deliveries(exim);
        assertThat(e).hasSize(MESSAGES);
        assertThat(e).filteredOn(l -> l.contains(" H=127.0.0.1 [127.0.0.1]* ")).hasSize(MESSAGES / 2);
        assertThat(deliveries(jexim)).isEqualTo(e);
    }

    @Test
    void theReceivingMtaSawTwoConnectionsFromEach() throws Exception {
        assertThat(connections(jeximRemote)).isEqualTo(connections(eximRemote)).isEqualTo(MESSAGES / 2);
    }

    /** The receiving exim4's message ids carry the pid of the process that took the connection. */
    private static long connections(Path remote) throws Exception {
        Matcher m = Pattern.compile("\\S+-(\\S+)-\\S+ <= ").matcher(Files.readString(remote.resolve("log/mainlog")));
        List<String> pids = new ArrayList<>();
        while (m.find()) {
            pids.add(m.group(1));
        }
        assertThat(pids).hasSize(MESSAGES);
        return pids.stream().distinct().count();
    }
}
