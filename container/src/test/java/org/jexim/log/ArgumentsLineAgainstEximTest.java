package org.jexim.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * log_selector {@code +arguments} against the real Exim 4.96: exim4 -bp with an empty argument,
 * one with a space and one with a tab; the line jexim makes for the same command must be the
 * one exim4 wrote to its main log.
 */
class ArgumentsLineAgainstEximTest {
    @TempDir
    Path dir;

    @Test
    void theArgumentsLineIsExims() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/exim4")), "exim4 is not installed");
        Path configure = Files.writeString(dir.resolve("configure"), "spool_directory = " + dir + "/spool\n"
            + "log_file_path = " + dir + "/%slog\nexim_user = root\nexim_group = root\nkeep_environment =\nlog_selector = +arguments\n");
        List<String> argv = List.of("exim4", "-C", configure.toString(), "-oMr", "a b", "-f", "", "-oMs", "x\ty", "-bp");
        Process exim = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(exim.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exim.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve("mainlog")).as(output).exists();
        String theirs = Files.readAllLines(dir.resolve("mainlog")).get(0).substring(20); // drop "yyyy-mm-dd hh:mm:ss "

        assertThat(ArgumentsLine.of(dir.toRealPath().toString(), argv)).isEqualTo(theirs);
    }
}
