package org.jexim.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lmtp transport delivering to Dovecot's LMTP server (Debian's dovecot-lmtpd, needs root):
 * a private dovecot master with a Unix socket listener for the socket form, and Dovecot's lmtp
 * binary run on its standard input and output for the command form. Only alice exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LmtpTransportAgainstDovecotTest extends TransportFixtures {
    static final Path LMTP = Path.of("/usr/lib/dovecot/lmtp");
    Path dir;
    Process dovecot;

    @BeforeAll
    void startDovecot() throws Exception {
        assumeTrue(Files.isExecutable(LMTP) && Files.isExecutable(Path.of("/usr/sbin/dovecot"))
                && "root".equals(System.getProperty("user.name")), "needs dovecot-lmtpd and root");
        dir = Files.createTempDirectory("lmtp");
        for (String sub : List.of("run", "state", "home/alice")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.writeString(dir.resolve("users"), "alice::8:8::" + dir + "/home/alice::\n");
        Files.writeString(dir.resolve("dovecot.conf"), String.join("\n",
                "base_dir = " + dir + "/run", "state_dir = " + dir + "/state", "log_path = " + dir + "/dovecot.log",
                "protocols = lmtp", "ssl = no", "mail_location = maildir:~/Maildir", "first_valid_uid = 1",
                "auth_username_format = %n",
                "userdb {", "  driver = passwd-file", "  args = " + dir + "/users", "}",
                "passdb {", "  driver = passwd-file", "  args = " + dir + "/users", "}",
                "service lmtp {", "  unix_listener " + dir + "/lmtp {", "    mode = 0666", "  }", "}", ""));
        new ProcessBuilder("chown", "-R", "mail", dir.resolve("home").toString()).start().waitFor();
        new ProcessBuilder("chmod", "755", dir.toString()).start().waitFor(); // dovecot's auth process reads users
        dovecot = new ProcessBuilder("/usr/sbin/dovecot", "-c", dir + "/dovecot.conf", "-F").redirectErrorStream(true)
                .redirectOutput(dir.resolve("console").toFile()).start();
        for (int i = 0; i < 100 && !(Files.exists(dir.resolve("lmtp")) && Files.exists(dir.resolve("run/auth-userdb"))); i++) {
            Thread.sleep(50);
        }
    }

    @AfterAll
    void stopDovecot() throws Exception {
        if (dovecot != null) {
            dovecot.destroy();
            dovecot.waitFor();
        }
    }

    Delivery to(String address) {
        return new Delivery(MESSAGE, "a@b.example", AddressItem.of(address),
                new RoutingContext(LISTS, "mail.example.org", Map.of()));
    }

    private String newestMessage() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("home/alice/Maildir/new"))) {
            Path newest = s.max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified())).orElseThrow();
            return Files.readString(newest, StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theSocketFormDeliversAndRefusesPerRecipient() throws Exception {
        Transport t = TransportFactory.create("lmtp", "lmtp", Map.of("socket", dir + "/lmtp", "batch_max", "2"), CLOCK);
        List<DeliveryResult> rs = t.deliverAll(List.of(to("alice@x.example"), to("bob@x.example")));
        assertThat(unsized(rs.get(0))).isEqualTo(DeliveryResult.OK);
        assertThat(rs.get(1).kind()).isEqualTo(DeliveryResult.Kind.FAIL);
        assertThat(rs.get(1).message()).isEqualTo("LMTP error after RCPT TO:<bob@x.example>: "
                + "550 5.1.1 <bob@x.example> User doesn't exist: bob@x.example");
        String m = newestMessage();
        assertThat(m).startsWith("Return-Path: <a@b.example>\nDelivered-To: alice@x.example\nReceived: from mail.example.org\n")
                .endsWith("\nSubject: hi\nFrom: a@b.example\nX-Old: x\n  continued\n\nFrom me\n.dot\nbody\n");
    }

    @Test
    void theCommandFormSpeaksLmtpOnTheCommandsStandardStreams() throws Exception {
        Transport t = TransportFactory.create("lmtp", "lmtp", Map.of("command", LMTP + " -c " + dir + "/dovecot.conf",
                "headers_add", "X-Via: $transport_name"), CLOCK);
        assertThat(unsized(t.deliver(to("alice@x.example")))).isEqualTo(DeliveryResult.OK);
        assertThat(newestMessage()).endsWith("\nX-Via: lmtp\n\nFrom me\n.dot\nbody\n");
        DeliveryResult bob = t.deliver(to("bob@x.example"));
        assertThat(bob.kind()).isEqualTo(DeliveryResult.Kind.FAIL);
    }

    @Test
    void bothOptionsOrNeitherIsAConfigurationError() {
        Transport t = TransportFactory.create("lmtp", "lmtp", Map.of(), CLOCK);
        assertThat(t.deliver(to("alice@x.example")).message())
                .isEqualTo("exactly one of \"socket\" or \"command\" must be set for the lmtp transport");
    }
}
