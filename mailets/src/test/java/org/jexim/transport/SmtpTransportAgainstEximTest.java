package org.jexim.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.routing.RouteHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The smtp transport delivering to Exim 4.96 as the remote MTA on loopback (needs exim4 and root). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpTransportAgainstEximTest extends TransportFixtures {
    Path dir;
    int port;
    Process exim;

    @BeforeAll
    void startExim() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/exim4")) && "root".equals(System.getProperty("user.name")));
        dir = Files.createTempDirectory("smtp-remote");
        for (String sub : List.of("spool", "log", "mail")) {
            Files.createDirectories(dir.resolve(sub));
        }
        new ProcessBuilder("chown", "-R", "Debian-exim", dir.toString()).start().waitFor();
        new ProcessBuilder("chmod", "755", dir.toString()).start().waitFor();
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path conf = Path.of(getClass().getResource("/smtp/remote.conf").toURI());
        exim = new ProcessBuilder("/usr/sbin/exim4", "-C", conf.toString(), "-DDIR=" + dir, "-DPORT=" + port, "-bdf")
                .redirectErrorStream(true).redirectOutput(dir.resolve("console").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    void stopExim() {
        if (exim != null) {
            exim.destroy();
        }
    }

    Delivery to(String address, List<RouteHost> hosts) {
        AddressItem a = AddressItem.of(address).with(HostsVariable.NAME, HostsVariable.encode(hosts));
        return new Delivery(MESSAGE, "a@b.example", a, new RoutingContext(LISTS, "mail.example.org", Map.of()));
    }

    @Test
    void acceptedMessagesArriveDotStuffedIntact() throws Exception {
        Transport t = TransportFactory.create("remote_smtp", "smtp", Map.of(), CLOCK);
        assertThat(t.deliver(to("ok@remote.example", List.of(new RouteHost("127.0.0.1", "127.0.0.1", -1, port)))))
                .isEqualTo(DeliveryResult.OK);
        Path box = dir.resolve("mail/box");
        for (int i = 0; i < 100 && !Files.exists(box); i++) {
            Thread.sleep(100);
        }
        String mbox = Files.readString(box);
        assertThat(mbox).startsWith("From a@b.example ").contains("\tby remote.example with esmtp (Exim 4.96)\n",
                "(envelope-from <a@b.example>)", "\nSubject: hi\n", "\n\n>From me\n.dot\nbody\n");
        assertThat(Files.readString(dir.resolve("log/mainlog"))).contains("<= a@b.example H=(mail.example.org) [127.0.0.1]");
    }

    @Test
    void a5xxReplyFailsA4xxReplyDefers() {
        Transport t = TransportFactory.create("remote_smtp", "smtp", Map.of(), CLOCK);
        List<RouteHost> hosts = List.of(new RouteHost("127.0.0.1", "127.0.0.1", -1, port));
        DeliveryResult bad = t.deliver(to("bad@remote.example", hosts));
        assertThat(bad.kind()).isEqualTo(DeliveryResult.Kind.FAIL);
        assertThat(bad.message()).isEqualTo(
                "SMTP error from remote mail server after RCPT TO:<bad@remote.example>: 550 no such user here");
        assertThat(bad.userMessage()).isEqualTo("host 127.0.0.1 [127.0.0.1]\n"
                + "SMTP error from remote mail server after RCPT TO:<bad@remote.example>:\n550 no such user here");
        DeliveryResult later = t.deliver(to("later@remote.example", hosts));
        assertThat(later.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
        assertThat(later.message()).isEqualTo(
                "SMTP error from remote mail server after RCPT TO:<later@remote.example>: 451 try again later");
    }

    @Test
    void aHostThatIsDownPassesToTheNextOne() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Transport t = TransportFactory.create("remote_smtp", "smtp", Map.of(), CLOCK);
        assertThat(t.deliver(to("ok@remote.example", List.of(new RouteHost("down", "127.0.0.1", -1, closed),
                new RouteHost("up", "127.0.0.1", -1, port))))).isEqualTo(DeliveryResult.OK);
        DeliveryResult r = t.deliver(to("ok@remote.example", List.of(new RouteHost("down", "127.0.0.1", -1, closed))));
        assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
        assertThat(r.message()).startsWith("host down [127.0.0.1]: Connection refused");
    }
}
