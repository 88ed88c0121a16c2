package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bounces of large messages against Exim 4.96: exim4 -bd and jexim -bd on
 * src/test/resources/delivery/configure (bounce_return_size_limit at its default, 100K), a 90 KB
 * and a 170 KB message from mb-big@delivery.example to an address that fails. The first is
 * returned whole (jexim streams it through a temporary file), the second with its header only and
 * Exim's "X-Exim-DSN-Information: Due to administrative limits only headers are returned"; both
 * bounces are byte for byte exim4's after masking dates and ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeBounceIT {
    RelayingPair pair;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(RelayingPair.available(), "needs exim4 and root (exim4 -C drops to Debian-exim)");
        pair = RelayingPair.on("/delivery/configure");
        for (int kb : new int[] {90, 170}) {
            StringBuilder m = new StringBuilder("Subject: " + kb + " KB\nMessage-ID: <large-" + kb + "@client.example>\n\n");
            for (int i = 0; m.length() < kb * 1024; i++) {
                m.append(String.format("line %06d of a large message that is bounced%n", i));
            }
            Path file = Files.createTempFile("large-bounce", ".eml");
            Files.writeString(file, m, StandardCharsets.US_ASCII);
            pair.sendAs("mb-big@delivery.example", "nobody@delivery.example", List.of("--data", "@" + file));
        }
        MainLogs.waitForLines("=> mb-big", 2, pair.exim, pair.jexim);
    }

    @AfterAll
    void stop() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    private static String bounces(Path dir) throws Exception {
        return DeliveryDifferentialIT.mask(Files.readString(dir.resolve("mail/^mb-.mbox"), StandardCharsets.ISO_8859_1));
    }

    @Test
    void bothBouncesAreExims() throws Exception {
        String e = bounces(pair.exim);
        assertThat(e).contains("X-Exim-DSN-Information: Due to administrative limits only headers are returned\n")
                .contains("Content-type: message/rfc822\n").hasSizeGreaterThan(90 * 1024);
        assertThat(bounces(pair.jexim)).isEqualTo(e);
    }
}
