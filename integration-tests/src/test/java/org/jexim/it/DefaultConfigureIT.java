package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Done-when checks of the foundation, on a copy of the repository's default configure
 * started with ./jexim -bd on free ports: a message to postmaster@localhost is accepted after
 * DATA and lands in the maildir of the local user the aliases name; relaying from a host
 * outside relay_from_hosts gets "550 relay not permitted" at RCPT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultConfigureIT {
    Path home;
    int port;
    Jexim.Result started;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory("jexim-it");
        for (String f : List.of("configure", "aliases", "users")) {
            Files.copy(Jexim.ROOT.resolve(f), home.resolve(f));
        }
        port = Jexim.freePort();
        started = Jexim.jexim("-C", home.resolve("configure").toString(), "-DJEXIM_HOME=" + home,
                "-oX", port + " : " + Jexim.freePort(), "-bd");
        System.out.println("jexim -bd on the default configure: exit " + started.status() + " after "
                + started.millis() + " ms\n" + started.output());
    }

    @AfterAll
    void stop() throws Exception {
        Jexim.stop(home.resolve("var/spool"));
    }

    @Test
    void daemonStartsAndDetaches() {
        assertThat(started.status()).as(started.output()).isZero();
        assertThat(home.resolve("var/spool/james/conf/mailetcontainer.xml")).exists();
        assertThat(home.resolve("var/log/james.log")).exists();
    }

    @Test
    void postmasterGets250AfterDataAndTheMessageIsInTheMaildir() throws Exception {
        Jexim.Result swaks = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--from", "someone@example.org",
                "--to", "postmaster@localhost", "--header", "Subject: jexim integration",
                "--body", "hello from the integration test"));
        List<String> lines = swaks.output().lines().toList();
        int dot = lines.indexOf(" -> .");
        assertThat(dot).as(swaks.output()).isPositive();
        assertThat(lines.get(dot + 1)).as(swaks.output()).startsWith("<-  250 ");

        Path newDir = home.resolve("var/mail/jexim/new");
        Path file = waitForOneFile(newDir);
        String host = InetAddress.getLocalHost().getHostName();
        assertThat(file.getFileName().toString()).matches("[0-9]+\\.H[0-9]+P[0-9]+\\." + java.util.regex.Pattern.quote(host));
        String content = Files.readString(file);
        assertThat(content).startsWith("Return-path: <someone@example.org>\nEnvelope-to: postmaster@localhost\nDelivery-date: ");
        assertThat(content).contains("\nSubject: jexim integration\n", "\n\nhello from the integration test\n").endsWith("\n");
        assertThat(content).doesNotContain("\r");
        assertThat(home.resolve("var/mail/jexim/tmp")).isEmptyDirectory();
    }

    @Test
    void relayFromOutsideRelayFromHostsIsRefusedAtRcpt() throws Exception {
        Jexim.Result swaks = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--local-interface", "127.0.0.2",
                "--from", "someone@example.org", "--to", "someone@remote.example", "--quit-after", "RCPT"));
        List<String> lines = swaks.output().lines().toList();
        int rcpt = lines.indexOf(" -> RCPT TO:<someone@remote.example>");
        assertThat(rcpt).as(swaks.output()).isPositive();
        assertThat(lines.get(rcpt + 1)).isEqualTo("<** 550 relay not permitted");
    }

    private static Path waitForOneFile(Path dir) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    List<Path> files = s.toList();
                    if (!files.isEmpty()) {
                        assertThat(files).hasSize(1);
                        return files.get(0);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no message in " + dir);
    }
}
