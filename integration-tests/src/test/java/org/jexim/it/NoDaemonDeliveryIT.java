package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Delivery with no daemon running, side by side with Exim, which forks a delivery process:
 * {@code sendmail -odi} delivers before it returns, a plain {@code sendmail} (-odb) delivers in
 * the background, {@code -M ID} and {@code -qf} deliver what {@code -odq} left on the queue, and
 * {@code -N} goes through delivery without running the transport ({@code *>}).
 * The delivered maildir files and the delivery log lines must be the same (ids, dates masked).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoDaemonDeliveryIT {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");
    private Path exim;
    private Path jexim;

    @BeforeAll
    void submitEverywhere() throws Exception {
        assumeTrue(Files.isExecutable(EXIM) && "root".equals(System.getProperty("user.name")), "needs exim4 and root");
        Path configure = Path.of(getClass().getResource("/delivery/configure").toURI());
        exim = MailHome.create("nodaemon-exim");
        jexim = MailHome.create("nodaemon-jexim");
        String eximCommand = EXIM + " -C " + configure + " -DDIR=" + exim + " -DDUSER=Debian-exim";
        String jeximCommand = "JEXIM_NO_BUILD=1 " + Jexim.ROOT.resolve("jexim") + " -C " + configure + " -DDIR=" + jexim + " -DDUSER=root";
        for (String command : List.of(eximCommand, jeximCommand)) {
            Path dir = command.equals(eximCommand) ? exim : jexim;
            sh(command + " -odi md-bob", "Subject: interactive\n\nfirst\n");
            sh(command + " md-carol", "Subject: background\n\nsecond\n");
            DeliveredMail.waitForFiles(dir, 2);
            sh(command + " -odq md-dave", "Subject: forced\n\nthird\n");
            String id = sh(command + " -bpr", "").lines().filter(l -> l.matches(" *\\d+[smhd] .*")).findFirst()
                .orElseThrow().strip().split(" +")[2];
            sh(command + " -M " + id, "");
            sh(command + " -odq md-erin", "Subject: queue run\n\nfourth\n");
            sh(command + " -qf", "");
            sh(command + " -N -odi md-frank", "Subject: not delivered\n\nfifth\n");
        }
    }

    private static String sh(String command, String input) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(command).isTrue();
        assertThat(p.exitValue()).as(command + ": " + out).isZero();
        return out;
    }

    @Test
    void everyMessageIsDeliveredAsEximDeliversIt() throws Exception {
        List<String> e = DeliveredMail.mailboxes(exim);
        assertThat(e).hasSize(4);
        assertThat(DeliveredMail.mailboxes(jexim)).isEqualTo(e);
        assertThat(sh("ls " + jexim.resolve("spool/input"), "").strip()).as("nothing left on the queue").isEmpty();
    }

    @Test
    void theDeliveryLinesAreTheSame() throws Exception {
        List<String> j = deliveries(jexim);
        assertThat(j).isEqualTo(deliveries(exim));
        assertThat(j).contains("ID => md-bob <md-bob@delivery.example> R=maildir_user T=local_maildir", "ID Completed",
            "ID *> md-frank <md-frank@delivery.example> R=maildir_user T=local_maildir");
    }

    private static List<String> deliveries(Path dir) throws Exception {
        return DeliveredMail.logLines(dir, " => ", " *> ", " Completed", "queue run");
    }
}
