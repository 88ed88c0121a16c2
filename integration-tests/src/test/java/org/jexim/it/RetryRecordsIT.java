package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Per-address retry records against Exim 4.96: both daemons on src/test/resources/retry/configure,
 * exim4 as the remote MTA (451 for later@remote.example). One message defers three ways at its
 * first delivery (a routing :defer:, a pipe exiting 75, a RCPT 451); a plain -q run then skips
 * those addresses ("routing defer (-52): retry time not reached", "defer (-53): Retry time not
 * yet reached"), and a -qf run tries them again; both servers log the same lines and keep the
 * same retry keys (exim_dumpdb's and jexim's db/jexim-retry).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryRecordsIT {
    static final Path EXIM = Path.of("/usr/sbin/exim4");
    Path configure;
    Path exim;
    Path jexim;
    Path remote;
    int eximPort;
    int jeximPort;
    int remotePort;
    long eximPid;
    long remotePid;
    final Map<String, List<String>> eximStages = new java.util.LinkedHashMap<>();
    final Map<String, List<String>> jeximStages = new java.util.LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(EXIM) && "root".equals(System.getProperty("user.name")),
                "needs exim4 and root (exim4 -C drops to Debian-exim)");
        configure = Path.of(getClass().getResource("/retry/configure").toURI());
        exim = Files.createTempDirectory("retry-exim");
        jexim = Files.createTempDirectory("retry-jexim");
        remote = Files.createTempDirectory("retry-remote");
        for (Path d : List.of(exim, jexim, remote)) {
            for (String sub : List.of("spool", "log", "mail")) {
                Files.createDirectories(d.resolve(sub));
            }
        }
        Jexim.run(List.of("chmod", "755", exim.toString(), jexim.toString(), remote.toString()));
        Jexim.run(List.of("chown", "-R", "Debian-exim", exim.toString(), remote.toString()));
        remotePort = Jexim.freePort();
        Jexim.Result r = Jexim.run(List.of(EXIM.toString(), "-C", Path.of(getClass().getResource("/delivery/remote.conf")
                .toURI()).toString(), "-DDIR=" + remote, "-DPORT=" + remotePort, "-bd", "-oP", remote.resolve("pid").toString()));
        assertThat(r.status()).as(r.output()).isZero();
        eximPort = Jexim.freePort();
        Jexim.Result e = Jexim.run(eximCommand("-bd", "-oP", exim.resolve("pid").toString()));
        assertThat(e.status()).as(e.output()).isZero();
        jeximPort = Jexim.freePort();
        Jexim.Result j = Jexim.jexim(jeximArgs("-bd"));
        assertThat(j.status()).as(j.output()).isZero();
        for (int port : new int[] {remotePort, eximPort, jeximPort}) {
            EximDaemon.waitForPort(port);
        }
        remotePid = EximDaemon.pid(remote.resolve("pid"));
        eximPid = EximDaemon.pid(exim.resolve("pid"));
        for (int port : new int[] {eximPort, jeximPort}) {
            Jexim.Result s = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--helo", "client.example",
                    "--from", "sender@delivery.example",
                    "--to", "user@delivery.example,later@later.example,tf@delivery.example,later@remote.example",
                    "--header", "Subject: retry records", "--body", "deferred three ways"));
            assertThat(s.output()).as(s.output()).contains("<-  250 ");
        }
        MainLogs.waitForLines(" == ", 3, exim, jexim);
        stage("first delivery");
        runQueue("-q");
        stage("-q");
        runQueue("-qf");
        stage("-qf");
    }

    private List<String> eximCommand(String... args) {
        List<String> c = new ArrayList<>(List.of(EXIM.toString(), "-C", configure.toString(), "-DDIR=" + exim,
                "-DPORT=" + eximPort, "-DRELAY_TO=" + remotePort, "-DDUSER=Debian-exim"));
        c.addAll(List.of(args));
        return c;
    }

    private String[] jeximArgs(String... args) {
        List<String> c = new ArrayList<>(List.of("-C", configure.toString(), "-DDIR=" + jexim, "-DPORT=" + jeximPort,
                "-DRELAY_TO=" + remotePort, "-DDUSER=root"));
        c.addAll(List.of(args));
        return c.toArray(new String[0]);
    }

    private void runQueue(String option) throws Exception {
        Jexim.Result x = Jexim.run(eximCommand(option));
        assertThat(x.status()).as(x.output()).isZero();
        Jexim.Result y = Jexim.jexim(jeximArgs(option));
        assertThat(y.status()).as(y.output()).isZero();
    }

    /** The delivery lines each side logged since the previous stage. */
    private void stage(String name) throws Exception {
        eximStages.put(name, newLines(exim, eximStages));
        jeximStages.put(name, newLines(jexim, jeximStages));
    }

    private static List<String> newLines(Path dir, Map<String, List<String>> earlier) throws Exception {
        List<String> all = new ArrayList<>(MainLogs.lines(dir, "=>|->|\\*\\*|==", DeliveryDifferentialIT::mask));
        for (List<String> seen : earlier.values()) {
            seen.forEach(all::remove);
        }
        return all;
    }

    @AfterAll
    void stop() throws Exception {
        for (long pid : new long[] {eximPid, remotePid}) {
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
        }
        if (jexim != null) {
            Jexim.stop(jexim.resolve("spool"));
        }
    }

    @Test
    void aPlainQueueRunSkipsTheAddressesWhoseRetryTimeHasNotCome() {
        assertThat(eximStages.get("-q")).containsExactly(
                "MESSAGEID == later@later.example routing defer (-52): retry time not reached",
                "MESSAGEID == later@remote.example routing defer (-52): retry time not reached",
                "MESSAGEID == tf@delivery.example R=tempfail_user T=tempfail_pipe defer (-53): Retry time not yet reached");
        assertThat(jeximStages.get("-q")).isEqualTo(eximStages.get("-q"));
    }

    @Test
    void everyStageLogsTheSameLines() {
        assertThat(jeximStages).isEqualTo(eximStages);
    }

    @Test
    void bothKeepTheSameRetryKeysAndErrorNumbers() throws Exception {
        // exim_dumpdb: "  KEY ERRNO MORE_ERRNO TEXT"; jexim's file: "KEY ERRNO FIRST LAST NEXT TEXT"
        Jexim.Result dump = Jexim.run(List.of("/usr/sbin/exim_dumpdb", exim.resolve("spool").toString(), "retry"));
        TreeSet<String> eximKeys = new TreeSet<>();
        dump.output().lines().filter(l -> l.matches("\\s*[RT]:\\S+.*"))
                .forEach(l -> eximKeys.add(String.join(" ", List.of(l.strip().split(" ")).subList(0, 2))));
        TreeSet<String> jeximKeys = new TreeSet<>();
        Files.readAllLines(jexim.resolve("spool/db/jexim-retry"), StandardCharsets.UTF_8)
                .forEach(l -> jeximKeys.add(String.join(" ", List.of(l.split(" ")).subList(0, 2))));
        assertThat(eximKeys).as(dump.output()).contains("R:later.example -1", "T:tf@delivery.example 0",
                "R:later@remote.example:<sender@delivery.example> -44");
        assertThat(jeximKeys).isEqualTo(eximKeys);
    }

    @Test
    void theRetryRuleSetsTheNextTryAsForExim() throws Exception {
        // G,2h,5m,2: 5 minutes after the first delivery's failure, and again 5 after the -qf run's
        // seconds later: Exim's last gap is the time since the last try when that is shorter
        Jexim.Result dump = Jexim.run(List.of("/usr/sbin/exim_dumpdb", exim.resolve("spool").toString(), "retry"));
        Map<String, Long> eximIntervals = new java.util.TreeMap<>();
        List<String> lines = dump.output().lines().toList();
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss",
                java.util.Locale.ENGLISH);
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).matches("\\s+[RT]:\\S+ .*")) {
                String[] times = lines.get(i + 1).strip().split("  +");
                java.time.LocalDateTime last = java.time.LocalDateTime.parse(times[1], f);
                java.time.LocalDateTime next = java.time.LocalDateTime.parse(times[2].replace(" *", ""), f);
                eximIntervals.put(lines.get(i).strip().split(" ")[0], java.time.Duration.between(last, next).getSeconds());
            }
        }
        Map<String, Long> jeximIntervals = new java.util.TreeMap<>();
        for (String l : Files.readAllLines(jexim.resolve("spool/db/jexim-retry"), StandardCharsets.UTF_8)) {
            String[] r = l.split(" ");
            jeximIntervals.put(r[0], Long.parseLong(r[4]) - Long.parseLong(r[3]));
        }
        assertThat(eximIntervals).as(dump.output()).hasSize(3).containsValues(300L, 300L, 300L);
        assertThat(jeximIntervals).isEqualTo(eximIntervals);
    }
}
