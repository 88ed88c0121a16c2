package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jexim.conf.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -bP over Exim's own test-suite configure files (the ones Exim 4.96 accepts): jexim's output
 * must equal exim4's, line for line, for the main options, the drivers and the configure
 * itself. Skipped where exim4 or the shared corpus is absent.
 */
class PrintOptionsCorpusTest {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");
    /** One exim4 run each: the main options, every driver instance, the configure. */
    private static final List<List<String>> WORDS = List.of(List.of(),
            List.of("routers", "transports", "authenticators"), List.of("config"), List.of("macros"));

    @TempDir
    Path dir;

    @Test
    void agreesWithEximOnTheTestSuiteConfigurations() throws Exception {
        Path corpus = corpus();
        assumeTrue(Files.isExecutable(EXIM) && corpus != null, "no exim4 or corpus here");
        Process prep = new ProcessBuilder(corpus.resolve("prepare-exim-test-confs").toString(), dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(prep.waitFor()).isZero();
        List<String> accepted = Files.readAllLines(corpus.resolve("exim-4.96-accepts.txt"));
        int compared = 0;
        Map<String, String> mismatches = new TreeMap<>();
        for (String name : accepted) {
            Path conf = dir.resolve("confs").resolve(name.strip());
            for (List<String> words : WORDS) {
                String exim = exim(conf, words);
                if (exim == null) {
                    continue;   // exim4 itself failed on this one (it needs a running environment)
                }
                compared++;
                String jexim = jexim(conf, words);
                if (!exim.equals(jexim)) {
                    mismatches.put(name.strip() + " -bP " + String.join(" ", words), firstDifference(exim, jexim));
                }
            }
        }
        Files.writeString(Path.of("target", "bp-corpus-mismatches.txt"),
                mismatches.entrySet().stream().map(e -> e.getKey() + "\n" + e.getValue()).reduce("", String::concat));
        System.out.println("-bP corpus: " + (compared - mismatches.size()) + " of " + compared + " outputs identical");
        assertThat(compared).isGreaterThan(2700);
        assertThat(mismatches.size()).as(String.join("\n", mismatches.keySet())).isLessThanOrEqualTo(compared / 100);
    }

    private static String firstDifference(String exim, String jexim) {
        List<String> a = exim.lines().toList();
        List<String> b = jexim.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "<none>";
            String y = i < b.size() ? b.get(i) : "<none>";
            if (!x.equals(y)) {
                return "  line " + (i + 1) + "\n  exim4:  " + x + "\n  jexim:  " + y + "\n";
            }
        }
        return "  (same lines, different end)\n";
    }

    private static String exim(Path file, List<String> words) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(EXIM.toString(), "-C", file.toString(), "-bP"));
        cmd.addAll(words);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? out : null;
    }

    private static String jexim(Path file, List<String> words) throws Exception {
        CommandLine line = new CommandLine();
        line.configFile = file;
        line.mode = "-bP";
        line.arguments.addAll(words);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        line.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try {
            new PrintOptionsCommand().run(line);
        } catch (Exception | Error e) {
            return out.toString(StandardCharsets.UTF_8) + "<" + e + ">";
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Path corpus() {
        return SharedCorpus.find().orElse(null);
    }
}
