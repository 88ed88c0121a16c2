package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.mail.Address;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
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
        Path newDir = home.resolve("var/mail/jexim/new");
        Set<Path> before = files(newDir);
        Jexim.Result swaks = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--from", "someone@example.org",
                "--to", "postmaster@localhost", "--header", "Subject: jexim integration",
                "--body", "hello from the integration test"));
        List<String> lines = swaks.output().lines().toList();
        int dot = lines.indexOf(" -> .");
        assertThat(dot).as(swaks.output()).isPositive();
        assertThat(lines.get(dot + 1)).as(swaks.output()).startsWith("<-  250 ");

        Path file = waitForNewFiles(newDir, before, 1).get(0);
        String host = InetAddress.getLocalHost().getHostName();
        assertThat(file.getFileName().toString()).matches("[0-9]+\\.M[0-9]+P[0-9]+\\." + java.util.regex.Pattern.quote(host));
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

    @Test
    void javaMailRecipientsTakeTheirOwnRoutesToTheSameMaildir() throws Exception {
        Path newDir = home.resolve("var/mail/jexim/new");
        Set<Path> before = files(newDir);
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("someone@example.org"));
        message.setSubject("via javax.mail");
        message.setText("two recipients, two routes\n");
        // postmaster goes through system_aliases to jexim@<primary hostname>, jexim@localhost straight to local_user
        Transport.send(message, new Address[] {new InternetAddress("postmaster@localhost"),
                new InternetAddress("jexim@localhost")});
        List<String> envelopeTo = new java.util.ArrayList<>();
        for (Path f : waitForNewFiles(newDir, before, 2)) {
            String content = Files.readString(f);
            assertThat(content).contains("\nSubject: via javax.mail\n");
            envelopeTo.add(content.lines().filter(l -> l.startsWith("Envelope-to: ")).findFirst().orElseThrow());
        }
        assertThat(envelopeTo).containsExactlyInAnyOrder("Envelope-to: postmaster@localhost", "Envelope-to: jexim@localhost");
    }

    private static Set<Path> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.collect(java.util.stream.Collectors.toSet());
        }
    }

    /** The files that appear in {@code dir} besides {@code before}; exactly {@code count} of them. */
    private static List<Path> waitForNewFiles(Path dir, Set<Path> before, int count) throws Exception {
        List<Path> found = List.of();
        for (int i = 0; i < 300; i++) {
            found = files(dir).stream().filter(p -> !before.contains(p)).sorted().toList();
            if (found.size() >= count) {
                Thread.sleep(300);
                found = files(dir).stream().filter(p -> !before.contains(p)).sorted().toList();
                assertThat(found).hasSize(count);
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " new message(s) in " + dir + ", found " + found);
    }
}
