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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The queue tools on the spool of a running daemon: messages that exim4 -odq put on jexim's
 * spool are listed, summarised by exiqsumm, frozen, edited, removed, and delivered on demand
 * with -M, all through ./jexim as an administrator types it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueToolsIT {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");
    Path home;
    Path configure;
    Path spool;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(EXIM) && "root".equals(System.getProperty("user.name")),
            "needs exim4 (to queue messages with -odq) and root");
        home = Files.createTempDirectory("jexim-queue-it");
        spool = home.resolve("spool");
        configure = home.resolve("configure");
        Files.writeString(configure, "primary_hostname = test.example\nqualify_domain = test.example\n"
            + "domainlist local_domains = test.example\nspool_directory = " + spool + "\n"
            + "log_file_path = " + spool + "/log/%slog\ndaemon_smtp_ports = " + Jexim.freePort() + "\n"
            + "local_interfaces = <; 127.0.0.1\nexim_user = root\nexim_group = root\n"
            + "begin routers\nlocal_user:\n  driver = accept\n  domains = +local_domains\n"
            + "  transport = local_maildir\nbegin transports\nlocal_maildir:\n  driver = appendfile\n"
            + "  directory = " + home + "/mail/$local_part\n  maildir_format\n  create_file = " + home + "/mail\n");
        Jexim.Result started = Jexim.jexim("-C", configure.toString(), "-bd");
        assertThat(started.status()).as(started.output()).isZero();
    }

    @AfterAll
    void stop() throws Exception {
        if (spool != null) {
            Jexim.stop(spool);
        }
    }

    private String eximQueue(String recipient, String subject) throws Exception {
        Process p = new ProcessBuilder(EXIM.toString(), "-C", configure.toString(), "-odq", "-f", "alice@example.org",
            recipient).redirectErrorStream(true).start();
        p.getOutputStream().write(("Subject: " + subject + "\n\nhello\n").getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (Stream<String> lines = Files.lines(spool.resolve("log/mainlog"))) {
            List<String> arrivals = lines.filter(l -> l.contains(" <= ")).toList();
            return arrivals.get(arrivals.size() - 1).split(" ")[2];
        }
    }

    private Jexim.Result jexim(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-C", configure.toString()));
        all.addAll(List.of(args));
        return Jexim.jexim(all.toArray(new String[0]));
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

    private void waitForMail(String user, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (mailbox(user).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    @Test
    void frozenEditedMessagesAreDeliveredOnDemandAndRemovedOnesAreGone() throws Exception {
        String kept = eximQueue("bob@test.example", "kept");
        String removed = eximQueue("dan@test.example", "removed");
        Jexim.Result listing = jexim("-bp");
        assertThat(listing.output()).contains(kept + " <alice@example.org>\n          bob@test.example\n",
            removed + " <alice@example.org>\n          dan@test.example\n");
        Process exiqsumm = new ProcessBuilder("/usr/sbin/exiqsumm").redirectErrorStream(true).start();
        exiqsumm.getOutputStream().write(listing.output().getBytes(StandardCharsets.ISO_8859_1));
        exiqsumm.getOutputStream().close();
        assertThat(new String(exiqsumm.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
            .containsPattern("\\n    2 +\\S+ +\\S+ +\\S+  test.example\\n");

        assertThat(jexim("-Mf", kept).output()).isEqualTo("Message " + kept + " is now frozen\n");
        assertThat(jexim("-Mar", kept, "carol@test.example").output()).isEqualTo("Message " + kept + " has been modified\n");
        assertThat(jexim("-bp", kept).output()).contains(" *** frozen ***\n          bob@test.example\n          carol@test.example\n");
        assertThat(jexim("-Mrm", removed).output()).isEqualTo("Message " + removed + " has been removed\n");

        Jexim.Result deliver = jexim("-M", kept);
        assertThat(deliver.status()).as(deliver.output()).isZero();
        waitForMail("bob", 1);
        waitForMail("carol", 1);
        assertThat(mailbox("bob")).hasSize(1);
        assertThat(mailbox("carol")).hasSize(1);
        assertThat(mailbox("dan")).isEmpty();
        assertThat(jexim("-bpc").output()).isEqualTo("0\n");
        assertThat(Files.readString(spool.resolve("log/mainlog"))).contains(kept + " frozen by root",
            kept + " recipient <carol@test.example> added by root", kept + " Unfrozen by forced delivery",
            removed + " removed by root", kept + " => bob <bob@test.example>");
    }
}
