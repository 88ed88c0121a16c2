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
import java.util.stream.Stream;
import org.jexim.conf.reader.ConfigReader;
import org.jexim.conf.translate.Translator;
import org.jexim.log.EximLog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same scripted sessions fed to {@code exim4 -C F -bs -odq} and to jexim's -bs dialogue
 * ({@link TestSession#runLocal}), every reply line compared (time of day and message ids
 * masked); jexim's accepted messages go to a sink that records them. CHUNKING and SMTPUTF8 are
 * turned off in the configure (jexim does not offer them).
 */
class LocalSessionAgainstEximTest {
    private static final Path DIR = Path.of("src/test/resources/org/jexim/smtp/bs");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> localSessionsAgreeWithExim() throws IOException {
        assumeTrue(Files.isExecutable(EximSessions.EXIM) && "root".equals(System.getProperty("user.name")),
                "needs exim4, run as root (-bs takes the caller's login)");
        Path spool = Files.createDirectories(tmp.resolve("spool"));
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(spool, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path conf = tmp.resolve("local.conf");
        Files.writeString(conf, Files.readString(DIR.resolve("local.conf")).replace("SPOOL", spool.toString()));
        EximLog.divert(EximSessions.discarding());
        List<DynamicTest> tests = new ArrayList<>();
        List<EximSessions.Session> sessions = EximSessions.read(DIR.resolve("local.sessions"));
        for (int i = 0; i < sessions.size(); i++) {
            String script = sessions.get(i).script();
            tests.add(DynamicTest.dynamicTest("local #" + (i + 1), () -> assertEquals(
                    EximSessions.mask(exim(conf, script), Set.of()), EximSessions.mask(jexim(conf, script), Set.of()))));
        }
        return tests.stream();
    }

    private static String exim(Path conf, String script) throws Exception {
        return EximSessions.exim(List.of("-C", conf.toString(), "-bs", "-odq"), script, false);
    }

    private String jexim(Path conf, String script) throws Exception {
        var config = ConfigReader.read(conf, Map.of());
        Path translated = Files.createTempDirectory(tmp, "t");
        Translator.translate(config).writeTo(translated);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
        List<String> spooled = new ArrayList<>();
        TestSession.of(config, translated, out).runLocal("root",
                (session, sender, recipients, lines, terms) -> {
                    spooled.add(sender + " " + recipients);
                    return org.jexim.queue.EximMessageId.next();
                }, new BufferedReader(new StringReader(script)));
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
