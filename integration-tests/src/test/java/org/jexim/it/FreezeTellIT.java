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
 * freeze_tell: a system filter freezes a message and the option's addresses get Exim's "Message
 * frozen" mail (src/test/resources/freezetell/configure), exim4 and jexim -odi side by side; the
 * mailbox they deliver it to is compared byte for byte, ids, dates and the submitting user masked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreezeTellIT {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");
    private Path exim;
    private Path jexim;

    @BeforeAll
    void submitEverywhere() throws Exception {
        assumeTrue(Files.isExecutable(EXIM) && "root".equals(System.getProperty("user.name")), "needs exim4 and root");
        Path configure = Path.of(getClass().getResource("/freezetell/configure").toURI());
        exim = MailHome.create("freezetell-exim");
        jexim = MailHome.create("freezetell-jexim");
        for (Path d : List.of(exim, jexim)) {
            Files.writeString(d.resolve("filter"), "# Exim filter\nif $h_subject: contains \"freeze\" then\n"
                    + "  freeze \"held for review\\\\nsecond line\"\nendif\n");
            Jexim.run(List.of("chmod", "777", d.resolve("mail").toString()));
            String command = (d == exim ? EXIM.toString() : "JEXIM_NO_BUILD=1 " + Jexim.ROOT.resolve("jexim"))
                    + " -C " + configure + " -DDIR=" + d + " -DDUSER=Debian-exim -odi a@ft.example";
            Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
            p.getOutputStream().write(("Subject: please freeze\nMessage-Id: <abc@client.example>\n"
                    + "References: <root@client.example>\n\nbody\n").getBytes(StandardCharsets.US_ASCII));
            p.getOutputStream().close();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        MainLogs.waitForLines(" => watch ", 1, exim, jexim);
    }

    @Test
    void freezeTellsAddressesGetEximsMessage() throws Exception {
        String j = masked(jexim.resolve("mail/box"));
        assertThat(j).isEqualTo(masked(exim.resolve("mail/box")));
        assertThat(j).contains("Subject: Message frozen\n", "\nMessage ID has been frozen by the system filter.\n"
                + "held for review \nsecond line.\nThe sender is <root@ft.example>.\n\n"
                + "The following address(es) have yet to be delivered:\n  a@ft.example\n");
    }

    @Test
    void theFrozenMessageIsLoggedAsExim() throws Exception {
        for (Path d : List.of(exim, jexim)) {
            assertThat(Files.readString(d.resolve("log/mainlog"))).as(d.toString())
                    .contains(" Frozen by the system filter: held for review\\nsecond line\n")
                    .containsPattern("<= <> R=\\S+ U=\\S+ P=local S=");
        }
    }

    private static String masked(Path box) throws Exception {
        return Files.readString(box, StandardCharsets.ISO_8859_1)
                .replaceAll("1xV[0-9A-Za-z]{3}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}", "ID")
                .replaceAll("\\w{3}, \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d [-+]\\d{4}", "DATE")
                .replaceAll("\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}", "FROMDATE")
                .replace("from Debian-exim by", "from USER by").replace("from root by", "from USER by");
    }
}
