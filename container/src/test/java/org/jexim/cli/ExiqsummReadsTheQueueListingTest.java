package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's exiqsumm (exim4-base) summarises jexim's -bp output with the right counts per domain. */
class ExiqsummReadsTheQueueListingTest {
    private static final Path EXIQSUMM = Path.of("/usr/sbin/exiqsumm");
    private static final String RAW = "From: someone@example.net\r\nSubject: q\r\n\r\nbody\r\n";

    @TempDir
    Path dir;

    private static String exiqsumm(String listing, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(EXIQSUMM.toString()));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write(listing.getBytes(StandardCharsets.ISO_8859_1));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return out;
    }

    /** Domain (or TOTAL) to message count, from exiqsumm's table. */
    private static Map<String, Integer> counts(String summary) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String line : summary.split("\n")) {
            String[] f = line.trim().split("\\s+", 5);
            if (f.length == 5 && f[0].matches("\\d+")) {
                counts.put(f[4], Integer.parseInt(f[0]));
            }
        }
        return counts;
    }

    @Test
    void countsEveryUndeliveredRecipientByDomain() throws Exception {
        assumeTrue(Files.isExecutable(EXIQSUMM), "exiqsumm (exim4-base) is not installed");
        ScratchSpool spool = new ScratchSpool(dir);
        spool.jeximMessage("alice@example.org", RAW, "bob@test.example", "carol@other.example");
        String bounce = spool.jeximMessage("", RAW, "alice@example.org");
        String partly = spool.jeximMessage("dave@example.net", RAW, "m1@a.example", "m2@a.example", "m3@b.example");
        spool.jeximMessage("erin@example.net", RAW, "x@c.example");
        assertThat(spool.jexim("-Mf", bounce).status()).isZero();
        assertThat(spool.jexim("-Mmd", partly, "m2@a.example").status()).isZero();

        ScratchSpool.Result listing = spool.jexim("-bp");
        assertThat(listing.status()).isZero();
        assertThat(counts(exiqsumm(listing.out()))).containsExactly(
            Map.entry("a.example", 1), Map.entry("b.example", 1), Map.entry("c.example", 1),
            Map.entry("example.org", 1), Map.entry("other.example", 1), Map.entry("test.example", 1),
            Map.entry("TOTAL", 6));
        assertThat(counts(exiqsumm(listing.out(), "-f", "-b"))).containsEntry("example.org (b) (f)", 1)
            .containsEntry("TOTAL", 6);
        assertThat(counts(exiqsumm(spool.jexim("-bpa").out()))).containsEntry("a.example", 1).containsEntry("TOTAL", 6);

        if (ScratchSpool.eximUsable()) {
            assertThat(exiqsumm(listing.out())).isEqualTo(exiqsumm(spool.exim("-bp").out()));
        }
    }
}
