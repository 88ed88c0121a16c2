package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * log_selector {@code +arguments} for commands other than message submission, side by side with exim4:
 * queue runs, the queue listings and message commands write the {@code cwd=... N args: ...} line, the testing and
 * listing modes (-bt, -be, -bP, -bV) do not. The line's argv[0] and configure path are the only
 * differences masked.
 */
class ArgumentsLogAgainstEximTest {
    @TempDir
    Path dir;

    @Test
    void theModesThatLogTheirArgumentsAreExims() throws Exception {
        assumeTrue(ScratchSpool.eximUsable(), "needs /usr/sbin/exim4 and root");
        ScratchSpool exim = new ScratchSpool(dir.resolve("exim"), "log_selector = +arguments\n");
        ScratchSpool jexim = new ScratchSpool(dir.resolve("jexim"), "log_selector = +arguments\n");
        List<List<String>> commands = List.of(List.of("-bp"), List.of("-bpc"), List.of("-q"), List.of("-R", "x.example"), List.of("-Mvh", "1abcde-000000-00"),
                List.of("-Mrm", "1abcde-000000-00"), List.of("-bt", "a@test.example"), List.of("-be", "1"),
                List.of("-bP", "log_selector"), List.of("-bV"));
        for (List<String> command : commands) {
            exim.exim(command.toArray(String[]::new));
            jexim.jexim(command.toArray(String[]::new));
        }
        assertThat(argumentLines(jexim)).isEqualTo(argumentLines(exim)).hasSize(6);
    }

    /** The arguments lines, with argv[0] and the configure's directory masked. */
    private static List<String> argumentLines(ScratchSpool spool) throws Exception {
        return spool.mainlog().stream().filter(l -> l.contains(" args: "))
                .map(l -> l.replaceFirst(" args: \\S+ ", " args: ARGV0 ").replaceFirst("cwd=\\S+ ", "cwd=DIR ")
                        .replace(spool.dir.toString(), "SPOOL"))
                .toList();
    }
}
