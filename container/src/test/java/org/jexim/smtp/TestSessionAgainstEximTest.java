package org.jexim.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jexim.conf.reader.ConfigReader;
import org.jexim.conf.translate.Translator;
import org.jexim.log.EximLog;
import org.jexim.log.LogSink;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the same scripted SMTP sessions to {@code exim4 -C F -bh IP} and to jexim's -bh engine
 * and compares every reply line exactly, masking only the time of day and message ids; the
 * lines of bh/known-differences.txt are dropped from Exim's side, each with its reason.
 * Skipped where /usr/sbin/exim4 is absent.
 */
class TestSessionAgainstEximTest {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");
    private static final Path DIR = Path.of("src/test/resources/org/jexim/smtp/bh");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> sessionsAgreeWithExim() throws IOException {
        assumeTrue(Files.isExecutable(EXIM), "exim4 not installed");
        Set<String> known = Files.readAllLines(DIR.resolve("known-differences.txt")).stream()
                .filter(l -> !l.startsWith("#") && l.contains("\t"))
                .map(l -> l.substring(0, l.indexOf('\t'))).collect(Collectors.toSet());
        EximLog.divert(new DiscardingSink());
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sessions")).sorted().toList()) {
                // NAME.sessions and NAME-MORE.sessions run on NAME.conf
                String name = file.getFileName().toString().replace(".sessions", "");
                if (!name.startsWith(System.getProperty("bh.only", ""))) {
                    continue; // -Dbh.only=NAME runs one configure's sessions
                }
                Path conf = DIR.resolve(name.split("-")[0] + ".conf");
                List<String[]> sessions = sessions(file);
                for (int i = 0; i < sessions.size(); i++) {
                    String[] s = sessions.get(i);
                    tests.add(DynamicTest.dynamicTest(name + " #" + (i + 1) + " from " + s[0],
                            () -> assertEquals(mask(exim(conf, s[0], s[1]), known), mask(jexim(conf, s[0], s[1]), Set.of()))));
                }
            }
        }
        return tests.stream();
    }

    /** Sessions of a .sessions file: each starts with a line "==== IP", then the client's lines. */
    private static List<String[]> sessions(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        String ip = null;
        StringBuilder script = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("==== ")) {
                if (ip != null) {
                    out.add(new String[] {ip, script.toString()});
                }
                ip = line.substring(5).strip();
                script.setLength(0);
            } else {
                script.append(line).append("\r\n");
            }
        }
        if (ip != null) {
            out.add(new String[] {ip, script.toString()});
        }
        return out;
    }

    private static String exim(Path conf, String ip, String script) throws Exception {
        Process p = new ProcessBuilder(EXIM.toString(), "-C", conf.toAbsolutePath().toString(), "-bh", ip)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            // Exim stops reading after a refused connection or a drop
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        p.waitFor();
        return out;
    }

    private final Map<Path, Path> translations = new java.util.HashMap<>();

    private String jexim(Path conf, String ip, String script) throws Exception {
        var config = ConfigReader.read(conf, Map.of());
        Path translated = translations.get(conf);
        if (translated == null) {
            translated = Files.createTempDirectory(tmp, "t");
            Translator.translate(config).writeTo(translated);
            translations.put(conf, translated);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
        TestSession.of(config, translated, out).run(ip, new BufferedReader(new StringReader(script)));
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static String mask(String output, Set<String> drop) {
        return output.lines()
                .filter(l -> !drop.contains(l.strip()))
                .map(l -> l.replaceAll("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d [-+]\\d{4}", "<TOD>")
                        .replaceAll("id=[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}", "id=<ID>"))
                .collect(Collectors.joining("\n"));
    }

    /** -bh log lines are not compared here. */
    private static final class DiscardingSink implements LogSink {
        @Override
        public void main(String line) {
        }

        @Override
        public void reject(String line) {
        }

        @Override
        public void panic(String line) {
        }
    }
}
