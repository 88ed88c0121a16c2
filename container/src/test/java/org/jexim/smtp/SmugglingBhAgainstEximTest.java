package org.jexim.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
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
 * SMTP smuggling through -bh: raw byte sessions (bare LF and bare CR around a dot, which the
 * .sessions format cannot carry) fed to {@code exim4 -bh} and to jexim's -bh, replies and log
 * lines compared (a smuggled second message would show as a second "<=" line and 250 OK id=).
 */
class SmugglingBhAgainstEximTest {
    private static final String START = "EHLO client.test\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<x@local.test>\r\nDATA\r\n";
    private static final String SMUGGLED = "MAIL FROM:<e@f.example>\r\nRCPT TO:<y@local.test>\r\nDATA\r\n";
    /** Each session's bytes after DATA. */
    private static final List<String> SESSIONS = List.of(
            "Subject: t\r\n\r\nbody\n.\nMAIL FROM:<e@f.example>\nRCPT TO:<y@local.test>\nDATA\nsmuggled\n.\r\nQUIT\r\n",
            "Subject: t\r\n\r\nbody\n.\n" + SMUGGLED + "smuggled\r\n.\r\nQUIT\r\n",
            "Subject: t\r\n\r\nbody\r.\r" + SMUGGLED + "smuggled\r\n.\r\nQUIT\r\n",
            "Subject: t\r\n\r\nbody\r\n.\n" + SMUGGLED + "smuggled\r\n.\r\nQUIT\r\n",
            "Subject: t\r\n\r\nbody\n.\r\n" + SMUGGLED + "smuggled\r\n.\r\nQUIT\r\n",
            "Subject: t\r\n.\n" + SMUGGLED + "smuggled\r\n.\r\nQUIT\r\n",
            "Subject: t\r\nbody without an empty line\r\n.\r\nQUIT\r\n",
            // an LF-only client: LF . LF ends its message, and the second one is a real one
            "Subject: t\n\nbody\n.\nMAIL FROM:<e@f.example>\nRCPT TO:<y@local.test>\nDATA\nSubject: u\n\nsecond\n.\nQUIT\n",
            "Subject: t\r\n\r\nbody\r\n.\r\nMAIL FROM:<e@f.example>\r\nRCPT TO:<y@local.test>\r\nDATA\r\nbare CR\rin\rcommand\r\n.\r\nQUIT\r\n",
            "Subject: t\r\n\r\nlost in the middle\n.\n");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> smugglingAttemptsGetEximsRepliesAndArrivals() throws Exception {
        assumeTrue(Files.isExecutable(EximSessions.EXIM), "exim4 not installed");
        Path conf = tmp.resolve("smuggling.conf");
        Files.writeString(conf, "primary_hostname = local.test\nchunking_advertise_hosts =\n"
                + "pipelining_connect_advertise_hosts =\nsmtputf8_advertise_hosts =\ntls_advertise_hosts =\n"
                + "acl_smtp_rcpt = accept\n");
        var config = ConfigReader.read(conf, Map.of());
        Path translated = Files.createDirectories(tmp.resolve("t"));
        Translator.translate(config).writeTo(translated);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < SESSIONS.size(); i++) {
            String script = START + SESSIONS.get(i);
            tests.add(DynamicTest.dynamicTest("session " + (i + 1) + " " + script.substring(START.length())
                    .replace("\r", "\\r").replace("\n", "\\n"), () -> assertEquals(
                    EximSessions.mask(EximSessions.exim(List.of("-C", conf.toString(), "-bh", "10.0.0.1"), script, true), Set.of()),
                    EximSessions.mask(jexim(config, translated, script), Set.of()))));
        }
        return tests.stream();
    }

    private static String jexim(org.jexim.conf.model.Configuration config, Path translated, String script) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        EximLog.divert(new EximSessions.Collecting(lines));
        TestSession.of(config, translated, out).run("10.0.0.1", new BufferedReader(new StringReader(script)));
        StringBuilder all = new StringBuilder(bytes.toString(StandardCharsets.ISO_8859_1));
        lines.forEach(l -> all.append(l).append('\n'));
        return all.toString();
    }
}
