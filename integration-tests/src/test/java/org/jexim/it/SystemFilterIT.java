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
    private DaemonFixture daemon;
    private Path dir;
    private int port;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/swaks")), "swaks is not installed");
        daemon = DaemonFixture.prepare("jexim-sysfilter", "/sysfilter/configure");
        dir = daemon.dir;
        port = daemon.port;
        Files.writeString(dir.resolve("system.filter"), "# Exim filter\n"
                + "headers add \"X-Filtered: for $recipients\"\n"
                + "if $h_subject: contains \"freezeme\" then\n"
                + "  freeze \"suspicious subject\"\n"
                + "endif\n"
                + "if $h_subject: contains \"failme\" then\n"
                + "  fail text \"<<unwanted>>This message was refused by the system filter\"\n"
                + "endif\n"
                + "if $h_subject: contains \"deferme\" then\n"
                + "  if first_delivery then\n"
                + "    headers add \"X-Attempt: first\"\n"
                + "    defer text \"not now\"\n"
                + "  else\n"
                + "    headers add \"X-Attempt: later\"\n"
                + "  endif\n"
                + "endif\n"
                + "if $h_subject: contains \"copyme\" then\n"
                + "  unseen save " + dir.resolve("mail/copies") + "\n"
                + "endif\n");
        daemon.start();
    }

    private Jexim.Result jexim(String... args) throws Exception {
        return daemon.jexim(args);
    }

    @AfterAll
    void stop() throws Exception {
        if (daemon != null) {
            daemon.stop();
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
        return daemon.waitFor(file, content);
    }

    private String log() throws Exception {
        return daemon.log();
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
        String id = swaks("copyme too");
        String copy = waitFor(dir.resolve("mail/copies"), "Body of copyme too.");
        assertThat(copy).startsWith("From sender@sysfilter.example ").contains("Subject: copyme too\n");
        // unseen: the recipient gets the message as well
        waitFor(dir.resolve("mail/user"), "Body of copyme too.");
        // the line exim4 -odi writes for the same filter
        waitFor(dir.resolve("log/mainlog"), id + " => " + dir.resolve("mail/copies") + " <system-filter> T=address_file\n");
    }

    @Test
    void theFilterRunsOnEveryDeliveryAttemptAndADeferWaitsByTheRetryRules() throws Exception {
        String id = swaks("deferme");
        // as exim4 -odi then a queue run deliver the same message: the first attempt is deferred, the
        // retry (2s by the retry rule) runs the filter again with first_delivery false
        String box = waitFor(dir.resolve("mail/user"), "Body of deferme.");
        // the headers the filter added on the first attempt were kept with the message, as Exim keeps them
        assertThat(box).contains("\nX-Filtered: for user@sysfilter.example\nX-Attempt: first\n"
                + "X-Filtered: for user@sysfilter.example\nX-Attempt: later\n");
        String log = waitFor(dir.resolve("log/mainlog"), id + " => user <user@sysfilter.example> R=localuser T=local_mbox");
        assertThat(log).contains(id + " Delivery deferred by system filter\n");
        assertThat(log.indexOf(id + " Delivery deferred by system filter"))
                .isLessThan(log.indexOf(id + " => user <user@sysfilter.example> R=localuser T=local_mbox"));
    }
}
