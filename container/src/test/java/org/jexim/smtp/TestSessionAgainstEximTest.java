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
    private static final Path DIR = Path.of("src/test/resources/org/jexim/smtp/bh");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> sessionsAgreeWithExim() throws IOException {
        assumeTrue(Files.isExecutable(EximSessions.EXIM), "exim4 not installed");
        Set<String> known = Files.readAllLines(DIR.resolve("known-differences.txt")).stream()
                .filter(l -> !l.startsWith("#") && l.contains("\t"))
                .map(l -> l.substring(0, l.indexOf('\t'))).collect(Collectors.toSet());
        EximLog.divert(EximSessions.discarding());
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sessions")).sorted().toList()) {
                // NAME.sessions and NAME-MORE.sessions run on NAME.conf
                String name = file.getFileName().toString().replace(".sessions", "");
                if (!name.startsWith(System.getProperty("bh.only", ""))) {
                    continue; // -Dbh.only=NAME runs one configure's sessions
                }
                Path conf = DIR.resolve(name.split("-")[0] + ".conf");
                // a configure saying "(compare: logs)" has its log lines compared too
                boolean logs = Files.readString(conf).contains("(compare: logs)");
                List<EximSessions.Session> sessions = EximSessions.read(file);
                for (int i = 0; i < sessions.size(); i++) {
                    EximSessions.Session s = sessions.get(i);
                    tests.add(DynamicTest.dynamicTest(name + " #" + (i + 1) + " from " + s.ip(),
                            () -> assertEquals(EximSessions.mask(exim(conf, s.ip(), s.script(), logs), known),
                                    EximSessions.mask(jexim(conf, s.ip(), s.script(), logs), Set.of()))));
                }
            }
        }
        return tests.stream();
    }

    private static String exim(Path conf, String ip, String script, boolean logs) throws Exception {
        return EximSessions.exim(List.of("-C", conf.toAbsolutePath().toString(), "-bh", ip), script, logs);
    }

    private final Map<Path, Path> translations = new java.util.HashMap<>();

    private String jexim(Path conf, String ip, String script, boolean logs) throws Exception {
        var config = ConfigReader.read(conf, Map.of());
        Path translated = translations.get(conf);
        if (translated == null) {
            translated = Files.createTempDirectory(tmp, "t");
            Translator.translate(config).writeTo(translated);
            translations.put(conf, translated);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        EximLog.divert(new EximSessions.Collecting(logs ? lines : null));
        TestSession.of(config, translated, out).run(ip, new BufferedReader(new StringReader(script)));
        StringBuilder all = new StringBuilder(bytes.toString(StandardCharsets.ISO_8859_1));
        lines.forEach(l -> all.append(l).append('\n'));
        return all.toString();
    }
}
