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
    static final Path LMTP = org.jexim.testkit.DovecotLmtp.LMTP;
    org.jexim.testkit.DovecotLmtp dovecot;
    Path dir;

    @BeforeAll
    void startDovecot() throws Exception {
        assumeTrue(org.jexim.testkit.DovecotLmtp.available(), "needs dovecot-lmtpd and root");
        dovecot = org.jexim.testkit.DovecotLmtp.start();
        dir = dovecot.socket().getParent();
    }

    @AfterAll
    void stopDovecot() throws Exception {
        if (dovecot != null) {
            dovecot.close();
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
        assertThat(rs.get(0).kind()).isEqualTo(DeliveryResult.Kind.OK);
        // the LMTP server's reply, which Exim logs as C= for a local lmtp delivery
        assertThat(rs.get(0).connection().confirmation()).matches("250 2.0.0 <alice@x.example> \\S+ Saved");
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
        assertThat(t.deliver(to("alice@x.example")).kind()).isEqualTo(DeliveryResult.Kind.OK);
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
