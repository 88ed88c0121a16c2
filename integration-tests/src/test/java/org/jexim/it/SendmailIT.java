package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sendmail interface end to end, side by side with Exim: exim4 -bd and ./jexim -bd run the
 * delivery configure; the same submissions go to each through a program named sendmail (for
 * jexim a symlink to ./jexim, as the install documents): Debian's bsd-mailx ({@code mail -s},
 * which calls {@code sendmail -i -t}), a PHP-style {@code sendmail -t -i} with Bcc:, and
 * {@code sendmail -f -F -odi} with recipients on the command line. The maildir files the two
 * daemons deliver must be the same after masking ids, dates and times, and so must the
 * {@code <=} lines of the main logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendmailIT {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");
    private static final Path MAILX = Path.of("/usr/bin/bsd-mailx");
    private Path exim;
    private Path jexim;
    private long eximPid;
    private String jeximCommand;
    private String jeximPortText;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(EXIM) && Files.isExecutable(MAILX) && "root".equals(System.getProperty("user.name")),
            "needs exim4, bsd-mailx and root");
        Path configure = Path.of(getClass().getResource("/delivery/configure").toURI());
        exim = Files.createTempDirectory("sendmail-exim");
        jexim = Files.createTempDirectory("sendmail-jexim");
        for (Path d : List.of(exim, jexim)) {
            for (String sub : List.of("spool", "log", "mail", "bin")) {
                Files.createDirectories(d.resolve(sub));
            }
        }
        Jexim.run(List.of("chmod", "755", exim.toString(), jexim.toString()));
        Jexim.run(List.of("chown", "-R", "Debian-exim", exim.toString()));
        int eximPort = Jexim.freePort();
        String eximDefines = "-DDIR=" + exim + " -DPORT=" + eximPort + " -DDUSER=Debian-exim";
        Jexim.Result e = Jexim.run(List.of("sh", "-c", EXIM + " -C " + configure + " " + eximDefines + " -bd -oP " + exim.resolve("pid")));
        assertThat(e.status()).as(e.output()).isZero();
        int jeximPort = Jexim.freePort();
        String jeximDefines = "-DDIR=" + jexim + " -DPORT=" + jeximPort + " -DDUSER=root";
        Jexim.Result j = Jexim.run(List.of("sh", "-c", Jexim.ROOT.resolve("jexim") + " -C " + configure + " " + jeximDefines + " -bd"));
        assertThat(j.status()).as(j.output()).isZero();
        for (int i = 0; i < 100 && !Files.exists(exim.resolve("pid")); i++) {
            Thread.sleep(100);
        }
        eximPid = Long.parseLong(Files.readString(exim.resolve("pid")).strip());
        // each side's "sendmail": exim4 through a wrapper script, jexim through a symlink named sendmail
        script(exim.resolve("bin/sendmail"), "exec " + EXIM + " -C " + configure + " " + eximDefines + " \"$@\"");
        Files.createDirectories(jexim.resolve("bin/link"));
        Files.createSymbolicLink(jexim.resolve("bin/link/sendmail"), Jexim.ROOT.resolve("jexim"));
        script(jexim.resolve("bin/sendmail"), "JEXIM_NO_BUILD=1 exec " + jexim.resolve("bin/link/sendmail") + " -C " + configure
            + " " + jeximDefines + " \"$@\"");
        jeximCommand = Jexim.ROOT.resolve("jexim") + " -C " + configure + " " + jeximDefines;
        jeximPortText = Integer.toString(jeximPort);
        for (Path side : List.of(exim, jexim)) {
            Path sendmail = side.resolve("bin/sendmail");
            Files.writeString(side.resolve("mailrc"), "set sendmail=" + sendmail + "\n");
            submit(List.of(MAILX.toString(), "-s", "Hello from mailx", "-a", "X-Extra: 1", "md-bob@delivery.example"),
                "hello from bsd-mailx\n.\nline after a dot\n", Map.of("MAILRC", side.resolve("mailrc").toString()));
            submit(List.of(sendmail.toString(), "-t", "-i"), "To: md-carol@delivery.example\nBcc: md-dave@delivery.example\n"
                + "From: \"Web Form\" <www@delivery.example>\nSubject: PHP style\n\nsent by -t -i\n", Map.of());
            submit(List.of(sendmail.toString(), "-odi", "-f", "md-s@delivery.example", "-F", "Some One", "md-erin"),
                "Subject: with -f and -F\n\nthird\n", Map.of());
        }
        waitForFiles(4);
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

    private static void script(Path file, String command) throws Exception {
        Files.writeString(file, "#!/bin/sh\n" + command + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void submit(List<String> command, String input, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(command + ": " + out).isZero();
    }

    private void waitForFiles(int count) throws Exception {
        DeliveredMail.waitForFiles(exim, count);
        DeliveredMail.waitForFiles(jexim, count);
    }

    @Test
    void bothDeliverTheSameMessages() throws Exception {
        List<String> e = mailboxes(exim);
        List<String> j = mailboxes(jexim);
        assertThat(e).hasSize(4);
        assertThat(j).isEqualTo(e);
        assertThat(j).noneMatch(m -> m.contains("Bcc:"));
        assertThat(j).anyMatch(m -> m.contains("Envelope-to: md-dave@delivery.example"));
        assertThat(j).anyMatch(m -> m.contains("From: Some One <md-s@delivery.example>"));
        assertThat(j).anyMatch(m -> m.contains("Subject: Hello from mailx") && m.contains("line after a dot"));
    }

    @Test
    void exiwhatTellsWhatTheDaemonIsDoing() throws Exception {
        Jexim.Result r = Jexim.run(List.of("sh", "-c", jeximCommand + " exiwhat"));
        assertThat(r.status()).isZero();
        List<String> lines = r.output().lines().toList();
        assertThat(lines.get(0)).matches(" *\\d+ daemon\\(4\\.96\\): listening for SMTP on \\[127\\.0\\.0\\.1\\]:" + jeximPortText);
        assertThat(lines.get(lines.size() - 1)).matches(" *\\d+ 0 messages on the queue");
    }

    @Test
    void theArrivalLinesAreTheSame() throws Exception {
        assertThat(arrivals(jexim)).isEqualTo(arrivals(exim));
        assertThat(arrivals(jexim)).anyMatch(l -> l.matches("ID <= root@delivery.example U=root P=local S=\\d+"))
            .anyMatch(l -> l.matches("ID <= md-s@delivery.example U=root P=local S=\\d+"));
    }

    private static List<String> mailboxes(Path dir) throws Exception {
        return DeliveredMail.mailboxes(dir);
    }

    private static List<String> arrivals(Path dir) throws Exception {
        return DeliveredMail.logLines(dir, " <= ");
    }
}
