package org.jexim.greylist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.jexim.testkit.EximOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Greylisting with Exim 4.96's {@code seen} condition: the recipe
 * {@code defer !seen = -3s / key=${sender_host_address}_$local_part@$domain} defers the first
 * attempt and the ones within the interval, and accepts once the interval has passed; exim4
 * -bh with its own hints database gives the same replies at the same moments.
 */
class SeenConditionTest {
    @TempDir
    Path dir;

    private long now = 1_000_000;

    private SeenCondition seen() {
        return new SeenCondition(new HintsFile(dir, "seen"), () -> now);
    }

    /** What the RCPT ACL answers with {@code defer !seen = ARG}: 451 while not seen long enough. */
    private String greylist(String arg, String key) throws Exception {
        return seen().test(arg, key) ? "250 Accepted" : "451 greylisted, try again later";
    }

    @Test
    void greylistingDefersUntilTheIntervalHasPassed() throws Exception {
        String arg = "-5m / key=192.0.2.1_u@d.example";
        assertThat(greylist(arg, "192.0.2.1")).startsWith("451");
        now += 120;
        assertThat(greylist(arg, "192.0.2.1")).startsWith("451");
        now += 200;
        assertThat(greylist(arg, "192.0.2.1")).isEqualTo("250 Accepted");
        now += 10;
        assertThat(greylist(arg, "192.0.2.1")).isEqualTo("250 Accepted");
        // another triplet starts its own wait
        assertThat(greylist("-5m / key=192.0.2.1_v@d.example", "192.0.2.1")).startsWith("451");
    }

    @Test
    void sinceTestsUpdateAndReadonlyNeverWrites() throws Exception {
        assertThat(seen().test("1h / readonly", "192.0.2.7")).isFalse();
        assertThat(seen().test("1h / readonly", "192.0.2.7")).isFalse(); // nothing was written
        assertThat(seen().test("1h", "192.0.2.7")).isFalse(); // written now
        now += 1800;
        assertThat(seen().test("1h", "192.0.2.7")).isTrue(); // and updated
        now += 3000;
        assertThat(seen().test("1h", "192.0.2.7")).isTrue(); // 3000 s after the update
        now += 4000;
        assertThat(seen().test("1h", "192.0.2.7")).isFalse();
    }

    @Test
    void badArgumentsAreErrors() {
        assertThatThrownBy(() -> seen().test("soon", "192.0.2.1")).hasMessageContaining("bad time value");
        assertThatThrownBy(() -> seen().test("5m / sometimes", "192.0.2.1")).hasMessageContaining("unknown option");
    }

    @Test
    void theRecipeGivesEximsRepliesAtTheSameMoments() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(EximOracle.available(), "exim4 is not installed");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = EximOracle.configure(Files.createDirectories(dir.resolve("exim")),
                "primary_hostname = mx.test\nacl_smtp_rcpt = acl_rcpt\nbegin acl\nacl_rcpt:\n"
                + "  defer !seen = -3s / key=${sender_host_address}_$local_part@$domain\n"
                + "        message = greylisted, try again later\n  accept\n");
        Files.setPosixFilePermissions(dir.resolve("exim"), PosixFilePermissions.fromString("rwxr-xr-x"));
        SeenCondition jexim = new SeenCondition(new HintsFile(dir.resolve("jexim-spool"), "seen"));
        List<String> eximReplies = new ArrayList<>();
        List<String> jeximReplies = new ArrayList<>();
        for (long pause : new long[] {0, 1000, 3500}) {
            Thread.sleep(pause);
            String out = EximOracle.run(conf, null,
                    "HELO x.example\r\nMAIL FROM:<a@x.example>\r\nRCPT TO:<u@d.example>\r\nQUIT\r\n", "-bh", "192.0.2.1");
            eximReplies.add(EximOracle.unfoldedReplies(out).get(3));
            jeximReplies.add(jexim.test("-3s / key=192.0.2.1_u@d.example", "192.0.2.1")
                    ? "250 Accepted" : "451 greylisted, try again later");
        }
        assertThat(jeximReplies).containsExactly("451 greylisted, try again later", "451 greylisted, try again later",
                "250 Accepted");
        assertThat(eximReplies).isEqualTo(jeximReplies);
    }
}
