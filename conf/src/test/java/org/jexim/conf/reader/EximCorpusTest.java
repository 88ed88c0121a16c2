package org.jexim.conf.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.SharedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads every configuration file of Exim's own test suite (laid out by
 * ../shared/corpus/prepare-exim-test-confs) and compares with Exim 4.96's verdicts: the files
 * exim4 -bV accepts (exim-4.96-accepts.txt) must be accepted, and every other file must be
 * rejected with the very text exim4 printed (recorded in reader/exim-verdicts.tsv by
 * reader/regenerate-exim-verdicts).
 */
class EximCorpusTest {
    private static Path corpus;

    @TempDir
    static Path out;

    @BeforeAll
    static void prepare() throws Exception {
        corpus = SharedCorpus.find().orElse(null);
        assumeTrue(corpus != null, "no shared corpus here");
        Process p = new ProcessBuilder(corpus.resolve("prepare-exim-test-confs").toString(), out.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        restoreSymlinks(out.resolve("confs"));
    }

    /**
     * In Exim's repository some test configurations are symlinks to another one; the corpus
     * stores them as a file holding the target's name. Make them symlinks again.
     */
    private static void restoreSymlinks(Path confs) throws IOException {
        try (Stream<Path> files = Files.list(confs)) {
            for (Path f : files.toList()) {
                String target = Files.readString(f, StandardCharsets.ISO_8859_1);
                if (target.matches("[0-9]{4}") && Files.isRegularFile(confs.resolve(target))) {
                    Files.delete(f);
                    Files.createSymbolicLink(f, Path.of(target));
                }
            }
        }
    }

    @Test
    void agreesWithEximOnEveryTestSuiteConfiguration() throws IOException {
        List<String> accepted = Files.readAllLines(corpus.resolve("exim-4.96-accepts.txt"));
        Map<String, String> verdicts = verdicts();
        List<String> wronglyRejected = new ArrayList<>();
        List<String> wronglyAccepted = new ArrayList<>();
        List<String> otherMessage = new ArrayList<>();
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(out.resolve("confs"))) {
            s.forEach(f -> files.add(f.getFileName().toString()));
        }
        int agreed = 0;
        for (String name : files) {
            String text = read(out.resolve("confs").resolve(name));
            if (accepted.contains(name)) {
                if (text == null) {
                    agreed++;
                } else {
                    wronglyRejected.add(name + ": " + text);
                }
            } else if (text == null) {
                wronglyAccepted.add(name + ": exim4 says " + verdicts.get(name));
            } else if (!text.equals(verdicts.get(name))) {
                otherMessage.add(name + ":\n    jexim: " + text + "\n    exim4: " + verdicts.get(name));
            } else {
                agreed++;
            }
        }
        System.out.printf("corpus: %d files, %d accepted by exim4; jexim agrees on %d (wrongly rejected %d, "
                        + "wrongly accepted %d, other message %d)%n", files.size(), accepted.size(), agreed,
                wronglyRejected.size(), wronglyAccepted.size(), otherMessage.size());
        assertThat(files).hasSize(accepted.size() + verdicts.size());
        assertThat(wronglyRejected).as("accepted by exim4").isEmpty();
        assertThat(wronglyAccepted).as("rejected by exim4").isEmpty();
        assertThat(otherMessage).as("rejected with another message").isEmpty();
    }

    /** jexim's error text with the corpus directory written as @OUT@, or null when the file is accepted. */
    private static String read(Path file) {
        try {
            ConfigReader.read(file, Map.of());
            return null;
        } catch (ConfigurationException e) {
            return e.eximText().replace(out.toString(), "@OUT@");
        } catch (IOException | RuntimeException e) {
            return "exception " + e;
        }
    }

    private static Map<String, String> verdicts() throws IOException {
        Map<String, String> verdicts = new LinkedHashMap<>();
        try (InputStream in = EximCorpusTest.class.getResourceAsStream("/reader/exim-verdicts.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                verdicts.put(line.substring(0, tab), line.substring(tab + 1).replace("\\n", "\n"));
            }
        }
        return verdicts;
    }
}
