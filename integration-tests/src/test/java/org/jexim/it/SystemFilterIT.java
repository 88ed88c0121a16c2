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
 * system_filter end to end: ./jexim -bd runs sysfilter/configure, whose system filter adds a
 * header naming $recipients to every message, freezes one subject, fails another (the sender
 * gets the bounce with the filter's text) and saves a copy of a third through
 * system_filter_file_transport; swaks sends the messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SystemFilterIT {
    private Path dir;
    private int port;
    private Path configure;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/swaks")), "swaks is not installed");
        dir = Files.createTempDirectory("jexim-sysfilter");
        for (String sub : List.of("spool", "log", "mail")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.writeString(dir.resolve("system.filter"), "# Exim filter\n"
                + "headers add \"X-Filtered: for $recipients\"\n"
                + "if $h_subject: contains \"freezeme\" then\n"
                + "  freeze \"suspicious subject\"\n"
                + "endif\n"
                + "if $h_subject: contains \"failme\" then\n"
                + "  fail text \"<<unwanted>>This message was refused by the system filter\"\n"
                + "endif\n"
                + "if $h_subject: contains \"copyme\" then\n"
                + "  unseen save " + dir.resolve("mail/copies") + "\n"
                + "endif\n");
        port = Jexim.freePort();
        configure = Path.of(getClass().getResource("/sysfilter/configure").toURI());
        Jexim.Result r = jexim("-bd");
        assertThat(r.status()).as(r.output()).isZero();
    }

    private Jexim.Result jexim(String... args) throws Exception {
        List<String> a = new java.util.ArrayList<>(List.of("-C", configure.toString(), "-DDIR=" + dir,
                "-DPORT=" + port, "-DDUSER=" + System.getProperty("user.name")));
        a.addAll(List.of(args));
        return Jexim.jexim(a.toArray(String[]::new));
    }

    @AfterAll
    void stop() throws Exception {
        if (dir != null) {
            Jexim.stop(dir.resolve("spool"));
        }
    }

    private String swaks(String subject) throws Exception {
        Jexim.Result r = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--from", "sender@sysfilter.example",
                "--to", "user@sysfilter.example", "--header", "Subject: " + subject,
                "--body", "Body of " + subject + ".\n"));
        assertThat(r.output()).contains("250 OK id=");
        String out = r.output();
        int at = out.indexOf("250 OK id=") + "250 OK id=".length();
        return out.substring(at).split("\\s", 2)[0];
    }

    private String waitFor(Path file, String content) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (Files.exists(file)) {
                String s = Files.readString(file, StandardCharsets.ISO_8859_1);
                if (s.contains(content)) {
                    return s;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + content + " in " + file + "; log:\n" + log());
    }

    private String log() throws Exception {
        Path main = dir.resolve("log/mainlog");
        return Files.exists(main) ? Files.readString(main) : "(no mainlog)";
    }

    @Test
    void headerIsAddedBeforeRouting() throws Exception {
        swaks("plain message");
        String box = waitFor(dir.resolve("mail/user"), "Body of plain message.");
        assertThat(box).contains("\nX-Filtered: for user@sysfilter.example\n");
    }

    @Test
    void matchingSubjectIsFrozenOnTheSpool() throws Exception {
        String id = swaks("please freezeme now");
        waitFor(dir.resolve("log/mainlog"), id + " Frozen by the system filter: suspicious subject");
        Jexim.Result bp = jexim("-bp");
        assertThat(bp.output()).contains(id + " <sender@sysfilter.example> *** frozen ***")
                .contains("user@sysfilter.example");
    }

    @Test
    void failBouncesWithTheFilterText() throws Exception {
        String id = swaks("failme please");
        String bounce = waitFor(dir.resolve("mail/sender"), "This message was refused by the system filter");
        assertThat(bounce).startsWith("From MAILER-DAEMON ").contains("user@sysfilter.example");
        assertThat(log()).contains(id + " cancelled by system filter: unwanted");
        Thread.sleep(500);
        if (Files.exists(dir.resolve("mail/user"))) {
            assertThat(Files.readString(dir.resolve("mail/user"))).doesNotContain("Body of failme please.");
        }
    }

    @Test
    void saveGoesThroughTheSystemFilterFileTransport() throws Exception {
        swaks("copyme too");
        String copy = waitFor(dir.resolve("mail/copies"), "Body of copyme too.");
        assertThat(copy).startsWith("From sender@sysfilter.example ").contains("Subject: copyme too\n");
        // unseen: the recipient gets the message as well
        waitFor(dir.resolve("mail/user"), "Body of copyme too.");
        waitFor(dir.resolve("log/mainlog"), "T=address_file");
    }
}
