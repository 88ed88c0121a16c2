package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Debian's exigrep and eximstats (package exim4-base) read jexim's mainlog as they read Exim's:
 * exim4 -bd and ./jexim -bd run the delivery configure and get the same SMTP traffic from swaks
 * (messages delivered, relaying refused, a recipient failed and bounced, one deferred); eximstats
 * must print the same summary for both logs and exigrep the same lines, by address and by
 * message id, once ids, times and dates are masked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogToolsIT {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");
    private static final Path EXIGREP = Path.of("/usr/sbin/exigrep");
    private static final Path EXIMSTATS = Path.of("/usr/sbin/eximstats");
    private Path exim;
    private Path jexim;
    private long eximPid;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(EXIM) && Files.isExecutable(EXIMSTATS) && "root".equals(System.getProperty("user.name")),
            "needs exim4, exim4-base and root");
        Path configure = Path.of(getClass().getResource("/delivery/configure").toURI());
        exim = Files.createTempDirectory("logtools-exim");
        jexim = Files.createTempDirectory("logtools-jexim");
        for (Path d : List.of(exim, jexim)) {
            for (String sub : List.of("spool", "log", "mail")) {
                Files.createDirectories(d.resolve(sub));
            }
        }
        Jexim.run(List.of("chmod", "755", exim.toString(), jexim.toString()));
        Jexim.run(List.of("chown", "-R", "Debian-exim", exim.toString()));
        int eximPort = Jexim.freePort();
        Jexim.Result e = Jexim.run(List.of(EXIM.toString(), "-C", configure.toString(), "-DDIR=" + exim, "-DPORT=" + eximPort,
            "-DDUSER=Debian-exim", "-bd", "-oP", exim.resolve("pid").toString()));
        assertThat(e.status()).as(e.output()).isZero();
        int jeximPort = Jexim.freePort();
        Jexim.Result j = Jexim.jexim("-C", configure.toString(), "-DDIR=" + jexim, "-DPORT=" + jeximPort, "-DDUSER=root", "-bd");
        assertThat(j.status()).as(j.output()).isZero();
        for (int i = 0; i < 100 && !Files.exists(exim.resolve("pid")); i++) {
            Thread.sleep(100);
        }
        eximPid = Long.parseLong(Files.readString(exim.resolve("pid")).strip());
        for (int port : new int[] {eximPort, jeximPort}) {
            for (String to : List.of("md-bob@delivery.example", "md-carol@delivery.example", "md-bob@delivery.example")) {
                swaks(port, "alice@example.org", to, true);
            }
            swaks(port, "md-s@delivery.example", "nobody@delivery.example", true);
            swaks(port, "alice@example.org", "later@delivery.example", true);
            swaks(port, "alice@example.org", "someone@elsewhere.example", false);
            swaks(port, "alice@example.org", "other@elsewhere.example", false);
        }
        MainLogs.waitForLines(" == ", 1, exim, jexim);
        MainLogs.waitForLines(" Completed", 5, exim, jexim); // three deliveries, the failed message, and its bounce
    }

    @AfterAll
    void stop() throws Exception {
        if (eximPid > 0) {
            ProcessHandle.of(eximPid).ifPresent(ProcessHandle::destroy);
        }
        if (jexim != null) {
            Jexim.stop(jexim.resolve("spool"));
        }
    }

    private static void swaks(int port, String from, String to, boolean accepted) throws Exception {
        Jexim.Result s = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--helo", "client.example",
            "--from", from, "--to", to, "--header", "Subject: log tools", "--body", "hello"));
        assertThat(s.output()).as(s.output()).contains(accepted ? "<-  250 OK id=" : "<** 550 relay not permitted");
    }

    private static String tool(Path program, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(args));
        Jexim.Result r = Jexim.run(command);
        return r.output();
    }

    /**
     * Exim's log as compared. Known differences: the bounce's {@code <= <> R=} line names the user
     * the daemon runs as (U=Debian-exim for exim4, U=root for the jexim of this test), so Exim's is
     * rewritten to root; jexim's S= sizes of SMTP messages differ (its Received: header is not yet
     * Exim's), so byte counts (three digits or more) are masked by the callers.
     */
    private Path eximLogWithoutKnownDifferences() throws Exception {
        Path filtered = exim.resolve("log/mainlog.compared");
        Files.write(filtered, Files.readAllLines(exim.resolve("log/mainlog"), StandardCharsets.ISO_8859_1).stream()
            .map(l -> l.replace(" U=Debian-exim P=local ", " U=root P=local ")).toList(), StandardCharsets.ISO_8859_1);
        return filtered;
    }

    @Test
    void eximstatsSummarisesBothLogsAlike() throws Exception {
        String e = mask(tool(EXIMSTATS, "-nr", eximLogWithoutKnownDifferences().toString())).replaceAll("\\b\\d{3,}\\b", "N");
        String j = mask(tool(EXIMSTATS, "-nr", jexim.resolve("log/mainlog").toString())).replaceAll("\\b\\d{3,}\\b", "N");
        assertThat(j).isEqualTo(e);
        // 6 messages received (5 over SMTP and the bounce), 4 delivered (3 and the bounce), 2 relay rejections,
        // 1 deferred, 1 failed
        assertThat(j).containsPattern("Received +N +6 +2 +1 16.7% +1 16.7%").containsPattern("Delivered +N +4 +4 ")
            .containsPattern("Rejects +2 ").contains("1 nobody@delivery.example R=failing: no such mailbox here");
    }

    @Test
    void exigrepFindsEveryLineOfAMessageByAddressAndById() throws Exception {
        for (String pattern : List.of("md-carol@delivery.example", "nobody@delivery.example", "later@delivery.example",
                "elsewhere.example")) {
            String e = mask(tool(EXIGREP, pattern, exim.resolve("log/mainlog").toString()));
            String j = mask(tool(EXIGREP, pattern, jexim.resolve("log/mainlog").toString()));
            assertThat(j).as(pattern).isEqualTo(e).isNotBlank();
        }
        String id = firstArrivalId(jexim);
        String byId = tool(EXIGREP, id, jexim.resolve("log/mainlog").toString());
        List<String> lines = byId.lines().filter(l -> !l.isBlank()).map(l -> l.replaceAll("^\\S+ \\S+ \\S+ ", "")).toList();
        assertThat(lines).anyMatch(l -> l.startsWith("<= alice@example.org H=(client.example) [127.0.0.1] P=esmtp S="))
            .anyMatch(l -> l.startsWith("=> md-bob")).contains("Completed");
        assertThat(mask(byId)).isEqualTo(mask(tool(EXIGREP, firstArrivalId(exim), exim.resolve("log/mainlog").toString())));
    }

    private static String firstArrivalId(Path dir) throws Exception {
        return Files.readAllLines(dir.resolve("log/mainlog"), StandardCharsets.ISO_8859_1).stream()
            .filter(l -> l.contains(" <= ")).findFirst().orElseThrow().split(" ")[2];
    }

    private static String mask(String text) {
        return text.replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)?", "TIME")
            .replaceAll("[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}", "ID")
            .replaceAll("id=[^ \\n]+", "id=MSGID").replaceAll("S=\\d+", "S=SIZE")
            .replaceAll("(?m)^\\d\\d-\\d\\d +\\d+ .*$", "HOUR");
    }
}
