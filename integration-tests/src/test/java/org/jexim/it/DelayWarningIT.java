package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * delay_warning against Exim 4.96: both daemons on src/test/resources/delaywarning/configure
 * (delay_warning = 12s : 1h), a message to a pipe that defers (exit 75) and to a maildir, sent
 * with swaks. The first attempt is too early for a warning; a forced queue run once the message
 * has been 13 seconds on the queue sends one "Warning: message ... delayed" to the sender, a
 * second run right after sends none (the next is due after an hour). The warnings are compared
 * byte for byte after masking dates, ids and the boundary, and so are the log lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DelayWarningIT {
    static final Path EXIM = Path.of("/usr/sbin/exim4");
    Path configure;
    Path exim;
    Path jexim;
    long eximPid;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(EXIM) && "root".equals(System.getProperty("user.name")),
                "needs exim4 and root (exim4 -C drops to Debian-exim)");
        configure = Path.of(getClass().getResource("/delaywarning/configure").toURI());
        exim = Files.createTempDirectory("delaywarning-exim");
        jexim = Files.createTempDirectory("delaywarning-jexim");
        for (Path d : List.of(exim, jexim)) {
            for (String sub : List.of("spool", "log", "mail")) {
                Files.createDirectories(d.resolve(sub));
            }
        }
        Jexim.run(List.of("chmod", "755", exim.toString(), jexim.toString()));
        Jexim.run(List.of("chown", "-R", "Debian-exim", exim.toString()));
        int eximPort = Jexim.freePort();
        Jexim.Result e = Jexim.run(List.of(EXIM.toString(), "-C", configure.toString(), "-DDIR=" + exim,
                "-DPORT=" + eximPort, "-DDUSER=Debian-exim", "-bd", "-oP", exim.resolve("pid").toString()));
        assertThat(e.status()).as(e.output()).isZero();
        int jeximPort = Jexim.freePort();
        Jexim.Result j = Jexim.jexim("-C", configure.toString(), "-DDIR=" + jexim, "-DPORT=" + jeximPort,
                "-DDUSER=root", "-bd");
        assertThat(j.status()).as(j.output()).isZero();
        EximDaemon.waitForPort(eximPort);
        EximDaemon.waitForPort(jeximPort);
        eximPid = Long.parseLong(Files.readString(exim.resolve("pid")).strip());
        for (int port : new int[] {eximPort, jeximPort}) {
            Jexim.Result s = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--helo", "client.example",
                    "--from", "md-s@delivery.example", "--to", "tf-a@delivery.example,md-b@delivery.example",
                    "--header", "Subject: delayed one", "--header", "Message-Id: <delayed-1@client.example>", "--body",
                    "wait for it"));
            assertThat(s.output()).as(s.output()).contains("<-  250 ");
        }
        MainLogs.waitForLines(" == tf-a", 1, exim, jexim);
        Thread.sleep(13_000); // the message is now past the first delay_warning time on both
        for (int run = 0; run < 2; run++) {
            Jexim.Result x = Jexim.run(List.of(EXIM.toString(), "-C", configure.toString(), "-DDIR=" + exim,
                    "-DPORT=" + eximPort, "-DDUSER=Debian-exim", "-qf"));
            assertThat(x.status()).as(x.output()).isZero();
            Jexim.Result y = Jexim.jexim("-C", configure.toString(), "-DDIR=" + jexim, "-DPORT=" + jeximPort,
                    "-DDUSER=root", "-qf");
            assertThat(y.status()).as(y.output()).isZero();
            MainLogs.waitForLines(" == tf-a", 2 + run, exim, jexim);
        }
        MainLogs.waitForLines("=> md-s", 1, exim, jexim);
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

    @Test
    void oneWarningAsEximWritesIt() throws Exception {
        List<String> e = warnings(exim);
        assertThat(e).hasSize(1);
        assertThat(warnings(jexim)).isEqualTo(e);
    }

    @Test
    void logLinesAreTheSame() throws Exception {
        assertThat(lines(jexim)).isEqualTo(lines(exim));
    }

    private static List<String> warnings(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        Path box = dir.resolve("mail/^md-/new");
        if (!Files.isDirectory(box)) {
            return out;
        }
        try (Stream<Path> s = Files.list(box)) {
            for (Path f : s.sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                if (text.contains("\nFrom: Mail Delivery System")) { // not md-b's copy of the message itself
                    out.add(DeliveryDifferentialIT.mask(text));
                }
            }
        }
        return out;
    }

    /** The delivery and bounce-arrival lines, masked; S= of generated messages is masked (their boundary varies in length). */
    private static List<String> lines(Path dir) throws Exception {
        return MainLogs.lines(dir, "=>|->|\\*\\*|==|<= <>", l -> DeliveryDifferentialIT.mask(l)
                .replaceAll(" U=\\S+ P=local S=[0-9]+", " U=USER P=local S=SIZE"));
    }
}
