package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * queue_only and queue runs on a running ./jexim -bd: a message received over SMTP is spooled and
 * logged but waits (also across a restart) until {@code ./jexim -q}, which the daemon logs with
 * Exim's Start/End queue run lines; -R runs only the messages for matching recipients; -Mg gives
 * a message up and bounces it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueueRunIT {
    Path home;
    Path configure;
    Path spool;
    int port;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/swaks")), "needs swaks");
        home = Files.createTempDirectory("jexim-queue-run-it");
        spool = home.resolve("spool");
        configure = home.resolve("configure");
        port = Jexim.freePort();
        Files.writeString(configure, "primary_hostname = test.example\nqualify_domain = test.example\n"
            + "domainlist local_domains = test.example : example.org\nspool_directory = " + spool + "\n"
            + "log_file_path = " + spool + "/log/%slog\ndaemon_smtp_ports = " + port + "\n"
            + "local_interfaces = <; 127.0.0.1\nqueue_only\nacl_smtp_rcpt = acl_rcpt\n"
            + "begin acl\nacl_rcpt:\n  accept\n"
            + "begin routers\nlocal_user:\n  driver = accept\n  domains = +local_domains\n"
            + "  transport = local_maildir\nbegin transports\nlocal_maildir:\n  driver = appendfile\n"
            + "  directory = " + home + "/mail/$local_part\n  maildir_format\n  create_file = " + home + "/mail\n");
        startDaemon();
    }

    private void startDaemon() throws Exception {
        Jexim.Result started = jexim("-bd");
        assertThat(started.status()).as(started.output()).isZero();
    }

    @AfterAll
    void stop() throws Exception {
        if (spool != null) {
            Jexim.stop(spool);
        }
    }

    private Jexim.Result jexim(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-C", configure.toString()));
        all.addAll(List.of(args));
        return Jexim.jexim(all.toArray(new String[0]));
    }

    private String send(String to, String subject) throws Exception {
        Jexim.Result swaks = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--from", "alice@example.org",
            "--to", to, "--header", "Subject: " + subject));
        String ok = swaks.output().lines().filter(l -> l.startsWith("<-  250 OK id=")).findFirst().orElse("");
        assertThat(ok).as(swaks.output()).isNotEmpty();
        return ok.substring("<-  250 OK id=".length());
    }

    private List<Path> mailbox(String user) throws Exception {
        Path dir = home.resolve("mail").resolve(user).resolve("new");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private List<String> mainlog() throws Exception {
        return Files.readAllLines(spool.resolve("log/mainlog"), StandardCharsets.ISO_8859_1).stream()
            .map(l -> l.substring(20)).toList();
    }

    @Test
    @Order(1)
    void queueOnlyKeepsAMessageUntilAQueueRunEvenAcrossARestart() throws Exception {
        String id = send("bob@test.example", "held");
        Thread.sleep(2000);
        assertThat(mailbox("bob")).isEmpty();
        assertThat(jexim("-bpc").output()).isEqualTo("1\n");

        Jexim.stop(spool);
        startDaemon();
        Thread.sleep(2000);
        assertThat(mailbox("bob")).as("a restart does not deliver a queue_only message").isEmpty();

        Jexim.Result run = jexim("-q");
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(mailbox("bob")).as("delivered when -q returns").hasSize(1);
        assertThat(jexim("-bpc").output()).isEqualTo("0\n");
        long pid = Long.parseLong(Files.readString(spool.resolve("jexim-daemon.pid")).strip());
        List<String> log = mainlog();
        int start = log.indexOf("Start queue run: pid=" + pid);
        assertThat(start).as(String.join("\n", log)).isPositive();
        assertThat(log.subList(start, log.size())).startsWith("Start queue run: pid=" + pid,
            id + " => bob <bob@test.example> R=local_user T=local_maildir", id + " Completed",
            "End queue run: pid=" + pid);
        assertThat(log).filteredOn(l -> l.startsWith(id + " <= alice@example.org ")).hasSize(1);
    }

    @Test
    @Order(2)
    void aSelectiveRunTakesOnlyTheMessagesForMatchingRecipients() throws Exception {
        String forCarol = send("carol@test.example", "for carol");
        String forDan = send("dan@test.example", "for dan");
        Jexim.Result run = jexim("-R", "CAROL@");
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(mailbox("carol")).hasSize(1);
        assertThat(mailbox("dan")).isEmpty();
        assertThat(jexim("-bp").output()).contains(forDan).doesNotContain(forCarol);
        long pid = Long.parseLong(Files.readString(spool.resolve("jexim-daemon.pid")).strip());
        assertThat(mainlog()).contains("Start queue run: pid=" + pid + " -R CAROL@", "End queue run: pid=" + pid + " -R CAROL@");
        assertThat(jexim("-qf").status()).isZero();
        assertThat(mailbox("dan")).hasSize(1);
        assertThat(mainlog()).contains("Start queue run: pid=" + pid + " -qf");
    }

    @Test
    @Order(3)
    void giveUpBouncesTheMessageWithEximsText() throws Exception {
        String id = send("erin@test.example", "given up");
        Jexim.Result giveUp = jexim("-Mg", id);
        assertThat(giveUp.status()).as(giveUp.output()).isZero();
        assertThat(jexim("-q").status()).as("the bounce is queue_only too, as Exim's is").isZero();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (mailbox("alice").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(mailbox("erin")).isEmpty();
        assertThat(mailbox("alice")).hasSize(1);
        String bounce = Files.readString(mailbox("alice").get(0), StandardCharsets.ISO_8859_1);
        // Exim's -Mg bounce names the address without a reason
        assertThat(bounce.replace("\r\n", "\n")).contains("X-Failed-Recipients: erin@test.example\n",
            "Subject: Mail delivery failed: returning message to sender\n",
            "recipients. This is a permanent error. The following address(es) failed:\n\n  erin@test.example\n\n")
            .doesNotContain("cancelled");
        assertThat(mainlog()).contains(id + " cancelled by root");
    }
}
