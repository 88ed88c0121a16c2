package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Deferred addresses without a retry rule time out at once, against Exim 4.96: exim4 -odi and
 * jexim -odi on src/test/resources/retry/configure without its retry rules, one message to a
 * domain whose router defers and one to a pipe that defers. Both log Exim's
 * "** addr: retry timeout exceeded" (no router) after the == line, and bounce with the deferral's
 * error in front ("domain not ready: retry timeout exceeded", "local delivery failed: ...").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryTimeoutIT {
    static final Path EXIM = Path.of("/usr/sbin/exim4");
    Path exim;
    Path jexim;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(EXIM) && "root".equals(System.getProperty("user.name")),
                "needs exim4 and root (exim4 -C drops to Debian-exim)");
        Path configure = Path.of(getClass().getResource("/retry/configure").toURI());
        exim = Files.createTempDirectory("timeout-exim");
        jexim = Files.createTempDirectory("timeout-jexim");
        for (Path d : List.of(exim, jexim)) {
            for (String sub : List.of("spool", "log", "mail")) {
                Files.createDirectories(d.resolve(sub));
            }
            Jexim.run(List.of("chmod", "755", d.toString()));
        }
        Jexim.run(List.of("chown", "-R", "Debian-exim", exim.toString()));
        Path message = Files.createTempFile("timeout", ".eml");
        Files.writeString(message, "Subject: no retry rules\n\nbody\n");
        for (String to : List.of("later@later.example", "tf@delivery.example")) {
            submit(List.of(EXIM.toString(), "-C", configure.toString(), "-DDIR=" + exim, "-DDUSER=Debian-exim",
                    "-DNO_RETRY_RULES", "-odi", "-f", "sender@delivery.example", to), message);
            submit(List.of(Jexim.ROOT.resolve("jexim").toString(), "-C", configure.toString(), "-DDIR=" + jexim,
                    "-DDUSER=root", "-DNO_RETRY_RULES", "-odi", "-f", "sender@delivery.example", to), message);
        }
        MainLogs.waitForLines("=> sender", 2, exim, jexim);
    }

    private static void submit(List<String> command, Path message) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(message.toFile())
                .redirectOutput(new File("/dev/null"));
        pb.environment().put("JEXIM_NO_BUILD", "1");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    }

    private static List<String> lines(Path dir) throws Exception {
        return MainLogs.lines(dir, "\\*\\*|==", DeliveryDifferentialIT::mask);
    }

    @Test
    void theAddressesTimeOutWithEximsLines() throws Exception {
        List<String> e = lines(exim);
        assertThat(e).contains("MESSAGEID ** later@later.example: retry timeout exceeded",
                "MESSAGEID ** tf@delivery.example: retry timeout exceeded");
        assertThat(lines(jexim)).isEqualTo(e);
    }

    @Test
    void theBouncesAreExims() throws Exception {
        String e = DeliveryDifferentialIT.mask(Files.readString(exim.resolve("mail/.mbox"), StandardCharsets.ISO_8859_1));
        assertThat(e).contains("  later@later.example\n    domain not ready: retry timeout exceeded\n",
                "  tf@delivery.example\n    local delivery failed: retry timeout exceeded\n");
        assertThat(DeliveryDifferentialIT.mask(Files.readString(jexim.resolve("mail/.mbox"), StandardCharsets.ISO_8859_1)))
                .isEqualTo(e);
    }
}
