package org.jexim.smtp;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.jexim.conf.reader.ConfigReader;
import org.jexim.conf.translate.Translator;
import org.jexim.log.EximLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SMTP smuggling and bare line ends in DATA, as raw bytes (the .sessions files cannot carry a bare LF
 * or CR) to exim4 -bh and to jexim's -bh: the replies and log lines must agree, so that "\n.\n" and
 * "\r.\r" end a CRLF client's message no sooner than Exim's, and an LF client's as Exim's do.
 */
class SmugglingAgainstEximTest {
    private static final Path CONF = Path.of("src/test/resources/org/jexim/smtp/bh/connlog.conf");
    private static final String START = "EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<u@x.example>\r\nDATA\r\n";
    private static final String SMUGGLED = "MAIL FROM:<evil@b.example>\nRCPT TO:<v@x.example>\nDATA\nSubject: smuggled\n\nx\n";

    @TempDir
    Path tmp;

    @Test
    void bareLineEndsEndTheDataWhereEximEndsIt() throws Exception {
        assumeTrue(Files.isExecutable(EximSessions.EXIM), "exim4 not installed");
        List<String> payloads = List.of(
                // a CRLF client: bare LF and bare CR dots are data, the connection ends inside the message
                "Subject: s\r\n\r\nbody\n.\n" + SMUGGLED + ".\nQUIT\n",
                "Subject: s\r\n\r\nbody\r.\r" + SMUGGLED.replace('\n', '\r') + ".\rQUIT\r",
                "Subject: s\r\n\r\nbody\n.\r\nMAIL FROM:<evil@b.example>\r\nQUIT\r\n",
                "Subject: s\r\nX-B: b\nX-C: c\r\n \r\n\r\nbody\r\n.dot\r\n..two\r\nbare\rcr\r.\r\n.\r\nQUIT\r\n",
                "Subject: s\r\n\r\nbody\r\n.\n" + SMUGGLED.replace("\n", "\r\n") + ".\r\nQUIT\r\n",
                "Subject: s\r\n.\n" + SMUGGLED.replace("\n", "\r\n") + ".\r\nQUIT\r\n",
                "Subject: s\r\nbody without an empty line\r\n.\r\nQUIT\r\n",
                "Subject: s\r\n\r\nb\r\n.\r\nNOOP\rQUIT\r\nQUIT\r\n",
                // an LF client (its first line ends in a bare LF): LF ends lines, and "\n.\n" the data
                "Subject: s\nX: y\n\nbody\n.\n" + SMUGGLED + ".\nQUIT\n",
                "Subject: s\n\nbody\n.\n" + SMUGGLED + ".\nQUIT\n",
                // the input ends inside the data: the log line says where
                "Subject: s\r\nX: y", "Subject: s\r\n", "Subject: s\r\n\r\n", "Subject: s\r\n\r\nbody");
        EximLog.divert(EximSessions.discarding());
        for (String payload : payloads) {
            String script = START + payload;
            String exim = EximSessions.exim(List.of("-C", CONF.toAbsolutePath().toString(), "-bh", "192.0.2.1"), script, true);
            assertThat(EximSessions.mask(jexim(script), Set.of())).as(script).isEqualTo(EximSessions.mask(exim, Set.of()));
        }
    }

    private String jexim(String script) throws Exception {
        var config = ConfigReader.read(CONF, Map.of());
        Path translated = Files.createTempDirectory(tmp, "t");
        Translator.translate(config).writeTo(translated);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        EximLog.divert(new EximSessions.Collecting(lines));
        TestSession.of(config, translated, new PrintStream(bytes, true, StandardCharsets.ISO_8859_1))
                .run("192.0.2.1", new BufferedReader(new StringReader(script)));
        StringBuilder all = new StringBuilder(bytes.toString(StandardCharsets.ISO_8859_1));
        lines.forEach(l -> all.append(l).append('\n'));
        return all.toString();
    }
}
