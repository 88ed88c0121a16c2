package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * DSN (RFC 3461) from the SMTP side to the delivery, against a real Exim 4.96 daemon on the same
 * configure with dsn_advertise_hosts = *: the replies to MAIL RET=/ENVID= and RCPT NOTIFY=/ORCPT=
 * (good and bad), and what each delivers: the message, and for NOTIFY=SUCCESS the success DSN to
 * the sender's maildir; NOTIFY=NEVER on a failing address sends no bounce.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DsnIT {
    private final Daemons daemons = new Daemons();
    private Daemons.Server exim;
    private Daemons.Server jexim;
    private final List<List<String>> eximReplies = new ArrayList<>();
    private final List<List<String>> jeximReplies = new ArrayList<>();

    private static final String SESSION = "EHLO client.example\r\n"
        + "MAIL FROM:<md-s@delivery.example> RET=HDRS ENVID=env+2B1\r\n"
        + "RCPT TO:<md-a@delivery.example> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;md-a+40delivery.example\r\n"
        + "RCPT TO:<md-b@delivery.example> NOTIFY=BAD\r\n"
        + "RCPT TO:<md-b@delivery.example> FOO=bar\r\n"
        + "RCPT TO:<nobody@delivery.example> NOTIFY=NEVER\r\n"
        + "DATA\r\n";
    private static final String BODY = "Subject: with DSN\r\n\r\nhello\r\n.\r\n";

    @BeforeAll
    void start() throws Exception {
        assumeTrue(EximDaemon.available(), "needs exim4 and root (exim4 -C drops to Debian-exim)");
        Path configure = Path.of(getClass().getResource("/delivery/configure").toURI());
        exim = daemons.exim(Files.readString(configure), "-DDSN", "-DDUSER=Debian-exim");
        Files.createDirectories(exim.home().resolve("mail"));
        jexim = daemons.jexim(configure, "-DDSN", "-DDUSER=root");
        Files.createDirectories(jexim.home().resolve("mail"));
        for (Daemons.Server s : List.of(exim, jexim)) {
            try (RawSmtp c = new RawSmtp(s.port())) {
                List<List<String>> got = s == exim ? eximReplies : jeximReplies;
                got.add(mask(c.reply()));
                got.add(mask(c.exchange(SESSION, 7)));
                got.add(mask(c.exchange(BODY, 1)));
                got.add(c.exchange("QUIT\r\n", 1));
            }
        }
        for (Daemons.Server s : List.of(exim, jexim)) {
            DeliveredMail.waitForFiles(s.home(), 2);
        }
    }

    @AfterAll
    void stop() throws Exception {
        daemons.close();
    }

    /** Dates and ids masked. */
    private static List<String> mask(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("Exim 4\\.96 .*", "Exim 4.96 DATE").replaceAll("id=\\S+", "id=ID")
            .replaceAll("Hello \\S+ \\[", "Hello HOST [")).toList();
    }

    @Test
    void theRepliesAreExims() {
        assertThat(jeximReplies).isEqualTo(eximReplies);
        assertThat(jeximReplies.get(1)).contains("501 Invalid value for NOTIFY parameter",
            "501 <md-b@delivery.example> FOO=bar: malformed address: FOO=bar may not follow <md-b@delivery.example> ");
        assertThat(String.join("\n", jeximReplies.get(1))).contains("250-DSN");
    }

    @Test
    void theMessageAndItsSuccessDsnAreDeliveredAsEximDeliversThem() throws Exception {
        List<String> e = generated(DeliveredMail.mailboxes(exim.home()));
        assertThat(e).hasSize(2).anyMatch(m -> m.contains("Action: delivered") && m.contains("Original-Envelope-ID: env+2B1")
            && m.contains("Original-Recipient: rfc822;md-a+40delivery.example")
            && m.contains("Content-type: text/rfc822-headers"));
        assertThat(generated(DeliveredMail.mailboxes(jexim.home()))).isEqualTo(e);
    }

    /**
     * Masked further where the two may differ by design: the MIME boundary's random part, and the
     * user a generated message is received from (Exim's exim_user, jexim's own user).
     */
    private static List<String> generated(List<String> mailboxes) {
        return mailboxes.stream().map(m -> m.replaceAll("\\d+-eximdsn-\\d+", "BOUNDARY")
            .replaceAll("Received: from (Debian-exim|root) by", "Received: from USER by")).toList();
    }
}
