package org.jexim.conf.expand;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jexim.conf.SharedCorpus;
import org.jexim.conf.expand.be.BeConfig;
import org.jexim.conf.expand.be.BeContext;
import org.jexim.conf.expand.be.BeSession;
import org.junit.jupiter.api.Test;

/**
 * Runs the corpus of expansion strings through Debian's exim4 -be and through jexim's -be
 * engine with the same configuration, and fails on any disagreement that is not listed, with
 * its reason, in known-differences.txt. Skipped when /usr/sbin/exim4 is absent.
 */
class ExpansionDifferentialTest {
    static final Path EXIM = Path.of("/usr/sbin/exim4");

    @Test
    void jeximAgreesWithEximOnTheCorpus() throws Exception {
        assumeTrue(Files.isExecutable(EXIM), "exim4 not installed");
        Path dir = resourceDir();
        String data = dir.resolve("data").toString();
        Path conf = Files.createTempFile("jexim-be", ".conf");
        // the SQL lookups' default database lives under jexim.home: keep it out of the source tree
        Path home = Files.createTempDirectory("jexim-home");
        String savedHome = System.getProperty("jexim.home");
        System.setProperty("jexim.home", home.toString());
        try {
            Files.writeString(conf, Files.readString(dir.resolve("be.conf")).replace("@DATA@", data),
                    StandardCharsets.ISO_8859_1);
            List<String> corpus = lines(dir.resolve("corpus.txt"), data);
            Map<String, String> known = knownDifferences(dir.resolve("known-differences.txt"), data);
            byte[] input = input(corpus);
            List<String> exim = split(runExim(conf, input), corpus.size());
            List<String> jexim = split(runJexim(conf, input), corpus.size());
            List<String> problems = new ArrayList<>();
            int agree = 0;
            for (int i = 0; i < corpus.size(); i++) {
                String line = corpus.get(i);
                boolean same = exim.get(i).equals(jexim.get(i));
                if (same) {
                    agree++;
                    if (known.containsKey(line)) {
                        problems.add("listed as a known difference but agrees now: " + line);
                    }
                } else if (!known.containsKey(line)) {
                    problems.add("line " + (i + 1) + ": " + line + "\n   exim:  " + show(exim.get(i))
                            + "\n   jexim: " + show(jexim.get(i)));
                }
            }
            System.out.println("expansion corpus: " + corpus.size() + " strings, " + agree + " agree, "
                    + known.size() + " known differences");
            if (!problems.isEmpty()) {
                fail(problems.size() + " disagreements with exim4 -be:\n" + String.join("\n", problems));
            }
        } finally {
            Files.deleteIfExists(conf);
            if (savedHome == null) {
                System.clearProperty("jexim.home");
            } else {
                System.setProperty("jexim.home", savedHome);
            }
        }
    }

    /**
     * The expansion strings of the shared corpus of real configure files (Exim's test suite,
     * Debian's template), where they use no macros and no side effects: they must agree too,
     * except those listed in known-differences-corpus.txt.
     */
    @Test
    void jeximAgreesWithEximOnRealConfigureStrings() throws Exception {
        assumeTrue(Files.isExecutable(EXIM), "exim4 not installed");
        Path shared = SharedCorpus.find().orElse(null);
        assumeTrue(shared != null, "shared corpus not present");
        List<String> strings = RealConfigureStrings.extract(shared);
        Path dir = resourceDir();
        Map<String, String> known = knownDifferences(dir.resolve("known-differences-corpus.txt"), "");
        Path conf = Files.createTempFile("jexim-rw", ".conf");
        Path home = Files.createTempDirectory("jexim-home");
        String savedHome = System.getProperty("jexim.home");
        System.setProperty("jexim.home", home.toString());
        try {
            Files.writeString(conf, "primary_hostname = mail.example.org\nqualify_domain = example.org\n");
            byte[] input = input(strings);
            List<String> exim = split(runExim(conf, input), strings.size());
            List<String> jexim = split(runJexim(conf, input), strings.size());
            List<String> problems = new ArrayList<>();
            int agree = 0;
            for (int i = 0; i < strings.size(); i++) {
                if (exim.get(i).equals(jexim.get(i))) {
                    agree++;
                } else if (!known.containsKey(strings.get(i))) {
                    problems.add(strings.get(i) + "\n   exim:  " + show(exim.get(i)) + "\n   jexim: " + show(jexim.get(i)));
                }
            }
            System.out.println("real configure strings: " + strings.size() + ", " + agree + " agree");
            if (!problems.isEmpty()) {
                fail(problems.size() + " disagreements with exim4 -be:\n" + String.join("\n", problems));
            }
        } finally {
            Files.deleteIfExists(conf);
            if (savedHome == null) {
                System.clearProperty("jexim.home");
            } else {
                System.setProperty("jexim.home", savedHome);
            }
        }
    }

    static Path resourceDir() throws URISyntaxException {
        return Path.of(ExpansionDifferentialTest.class.getResource("/expand/corpus.txt").toURI()).getParent();
    }

    static List<String> lines(Path file, String data) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (l.startsWith("# ") || l.isEmpty()) {
                continue;
            }
            out.add(new String(l.replace("@DATA@", data).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    static Map<String, String> knownDifferences(Path file, String data) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return m;
        }
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (l.startsWith("#") || l.isBlank()) {
                continue;
            }
            int tab = l.indexOf('\t');
            String key = (tab < 0 ? l : l.substring(0, tab)).replace("@DATA@", data);
            m.put(new String(key.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
                    tab < 0 ? "" : l.substring(tab + 1));
        }
        return m;
    }

    /** Each corpus line followed by a marker line, so that outputs can be split per string. */
    static byte[] input(List<String> corpus) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < corpus.size(); i++) {
            b.append(corpus.get(i)).append('\n').append("@@@@").append(i).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<String> split(String out, int n) {
        List<String> r = new ArrayList<>();
        int pos = 0;
        for (int i = 0; i < n; i++) {
            String marker = "> @@@@" + i + "\n";
            int m = out.indexOf(marker, pos);
            if (m < 0) {
                r.add("<missing output: " + out.substring(pos, Math.min(out.length(), pos + 200)) + ">");
                continue;
            }
            r.add(out.substring(pos, m));
            pos = m + marker.length();
        }
        return r;
    }

    static String runExim(Path conf, byte[] input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(EXIM.toString(), "-C", conf.toString(), "-be")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread w = new Thread(() -> {
            try (var o = p.getOutputStream()) {
                o.write(input);
            } catch (IOException e) {
                // exim died; its output shows where
            }
        });
        w.start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        p.waitFor(60, TimeUnit.SECONDS);
        w.join();
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    static String runJexim(Path conf, byte[] input) throws IOException {
        BeConfig c = BeConfig.read(conf, Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, false, StandardCharsets.ISO_8859_1);
        BeSession s = new BeSession(new BeContext(conf, c.options, c.namedLists()), c.macros, out,
                new PrintStream(new ByteArrayOutputStream()));
        s.runInput(new ByteArrayInputStream(input));
        out.flush();
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static String show(String s) {
        return s.replace("\n", "\\n");
    }
}
