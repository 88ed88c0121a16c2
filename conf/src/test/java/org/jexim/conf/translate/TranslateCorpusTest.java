package org.jexim.conf.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.SharedCorpus;
import org.jexim.conf.reader.ConfigReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Translates the 1001 Exim test-suite configurations that Exim 4.96 accepts and prints the
 * share that translate handles completely, with the reasons that stop the rest (by count).
 * Fails when the share drops below what it was when this test was written, or when translate
 * throws instead of reporting.
 */
class TranslateCorpusTest {
    /** The share when this test was written; raise it as jexim learns. */
    static final int COMPLETE_AT_LEAST = 846;

    @TempDir
    Path out;

    @Test
    void shareOfTheEximTestSuiteThatTranslatesCompletely() throws Exception {
        Path corpus = SharedCorpus.find().orElse(null);
        assumeTrue(corpus != null, "no shared corpus here");
        Process p = new ProcessBuilder(corpus.resolve("prepare-exim-test-confs").toString(), out.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        List<String> names = Files.readAllLines(corpus.resolve("exim-4.96-accepts.txt")).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        int complete = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        for (String name : names) {
            Path file = out.resolve("confs").resolve(name);
            // the corpus stores Exim's symlinked configurations as a file naming their target
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            if (text.matches("[0-9]{4}")) {
                file = out.resolve("confs").resolve(text);
            }
            Translation t;
            try {
                t = Translator.translate(ConfigReader.read(file, Map.of()));
            } catch (ConfigurationException e) {
                reasons.merge("read: " + e.reason().replaceAll("[0-9]+", "N"), 1, Integer::sum);
                continue;
            }
            if (t.complete()) {
                complete++;
            }
            Set<String> seen = new HashSet<>();
            for (TranslationProblem problem : t.problems()) {
                String reason = problem.reason()
                        .replaceAll("^\\S+ authenticator: server authentication is not supported yet.*",
                                "server authenticators (AUTH) are not supported yet")
                        .replaceAll("\"[^\"]*\"", "\"..\"").replaceAll("[0-9]+", "N");
                if (seen.add(reason)) {
                    reasons.merge(reason, 1, Integer::sum);
                }
            }
        }
        StringBuilder report = new StringBuilder("translate handles " + complete + " of " + names.size()
                + " Exim test-suite configurations completely; what stops the others (files):\n");
        reasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> report.append(String.format("%5d  %s%n", e.getValue(), e.getKey())));
        System.out.println(report);
        assertThat(complete).as(report.toString()).isGreaterThanOrEqualTo(COMPLETE_AT_LEAST);
    }
}
