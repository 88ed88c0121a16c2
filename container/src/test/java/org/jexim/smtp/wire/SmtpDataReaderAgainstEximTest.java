package org.jexim.smtp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytes Exim stores for a message's data (its -H header lines and -D body, from
 * {@code exim4 -bs -odq}) against what {@link SmtpDataReader} yields for the same DATA bytes:
 * bare LF and bare CR in header and body, dot lines after them (the SMTP smuggling cases),
 * LF-only messages, continuations, NULs; fixed cases and 300 random ones (fixed seed).
 */
class SmtpDataReaderAgainstEximTest {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");
    /** Cases worth naming: smuggling attempts and the mode-setting first line. */
    static final List<String> CASES = List.of(
            "Subject: t\r\n\r\nbody\n.\nMAIL FROM:<e@f.test>\nRCPT TO:<g@h.test>\nDATA\nsmuggled\n.\r\n",
            "Subject: t\r\n\r\nbody\r.\rMAIL FROM:<e@f.test>\r",
            "Subject: t\r\n\r\nbody\r\n.\nMAIL FROM:<e@f.test>\r\n",
            "Subject: t\r\n\r\nbody\n.\r\nMAIL FROM:<e@f.test>\r\n",
            "Subject: t\n\nb\nc\n",
            "Subject: t\r\nX: y\nZ: w\r\n\r\nb",
            "Subject: t\rX: y\r\n\r\nb",
            "Subject: t\r\n\nb",
            "Subject: t\r\n.\nX: y\r\n\r\nb",
            "Subject: t\r\n.\rX: y\r\n\r\nb",
            "Subject: t\r\n..X: y\r\n\r\nb",
            "Subject: t\r\n \r\nX: y\r\n\r\nb",
            "a\r\r\nb",
            "a\r\n.\r\rb",
            "a\r\n..\nb",
            "Subject: t\r\nbody without blank line\r\nmore",
            "X-Nul: a\0b\r\n\r\nc\0d");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> storedDataAgreesWithExim() throws IOException {
        assumeTrue(Files.isExecutable(EXIM) && "root".equals(System.getProperty("user.name")),
                "needs exim4, run as root (-bs takes the caller's login)");
        Path conf = configure();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            String data = CASES.get(i);
            tests.add(DynamicTest.dynamicTest("case " + (i + 1) + " " + printable(data),
                    () -> assertEquals(exim(conf, data), jexim(data), printable(data))));
        }
        Random random = new Random(4096);
        for (int i = 0; i < 300; i++) {
            String data = randomData(random);
            tests.add(DynamicTest.dynamicTest("random " + (i + 1) + " " + printable(data),
                    () -> assertEquals(exim(conf, data), jexim(data), printable(data))));
        }
        return tests.stream();
    }

    @Test
    void bareLfDotLineIsDataInACrlfMessageAndTheEndInAnLfOne() {
        assertEquals("S: t\n\nbody . MAIL FROM:<e@f.test>\nx\n", jexim("S: t\r\n\r\nbody\n.\nMAIL FROM:<e@f.test>\r\nx"));
        SmtpDataReader lfOnly = new SmtpDataReader();
        boolean ended = false;
        for (byte b : "S: t\n\nbody\n.\nMAIL".getBytes(StandardCharsets.ISO_8859_1)) {
            ended = lfOnly.accept(b & 0xff);
            if (ended) {
                break;
            }
        }
        assertTrue(ended);
        assertEquals("S: t\n\nbody\n", lfOnly.text());
    }

    /** The data reader's text for {@code data} followed by CRLF . CRLF. */
    static String jexim(String data) {
        SmtpDataReader reader = new SmtpDataReader();
        for (byte b : (data + "\r\n.\r\n").getBytes(StandardCharsets.ISO_8859_1)) {
            if (reader.accept(b & 0xff)) {
                return reader.text();
            }
        }
        return "(not ended) " + reader.text();
    }

    /** Exim's header lines as sent (its own Received:, Message-Id:, From:, Date: left out), LF, the -D body. */
    private String exim(Path conf, String data) throws Exception {
        Path spool = conf.getParent().resolve("spool");
        deleteTree(spool.resolve("input"));
        ProcessBuilder pb = new ProcessBuilder(EXIM.toString(), "-C", conf.toString(), "-bs", "-odq");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(("HELO x\r\nMAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nDATA\r\n" + data + "\r\n.\r\nQUIT\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            // exim4 stopped reading
        }
        p.getInputStream().readAllBytes();
        p.waitFor();
        List<Path> files;
        try (Stream<Path> s = Files.list(spool.resolve("input"))) {
            files = s.sorted().toList();
        }
        String header = Files.readString(files.get(1), StandardCharsets.ISO_8859_1);
        String body = Files.readString(files.get(0), StandardCharsets.ISO_8859_1);
        return clientHeaders(header) + "\n" + body.substring(body.indexOf('\n') + 1);
    }

    /** The header lines of a -H file ("NNNx text", NNN the length of text), Exim's own left out. */
    private static String clientHeaders(String h) {
        StringBuilder out = new StringBuilder();
        int at = h.indexOf("\n\n") + 2;
        boolean first = true;
        while (at < h.length()) {
            int digits = at;
            while (Character.isDigit(h.charAt(digits))) {
                digits++;
            }
            int length = Integer.parseInt(h.substring(at, digits));
            String text = h.substring(digits + 2, digits + 2 + length);
            at = digits + 2 + length;
            if (!first && !text.startsWith("Message-Id: <") && !text.startsWith("From: a@b.test")
                    && !text.startsWith("Date: ")) {
                out.append(text);
            }
            first = false; // Exim's Received:
        }
        return out.toString();
    }

    private Path configure() throws IOException {
        Path spool = Files.createDirectories(tmp.resolve("spool"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path conf = tmp.resolve("data.conf");
        Files.writeString(conf, "primary_hostname = mx.example.com\nspool_directory = " + spool
                + "\nlog_file_path = " + spool + "/%slog\nacl_smtp_rcpt = accept\n"
                + "begin routers\nr:\n  driver = accept\n  transport = t\n"
                + "begin transports\nt:\n  driver = appendfile\n  file = /dev/null\n");
        return conf;
    }

    private static String randomData(Random random) {
        String[] tokens = {"a", "b", ".", ".", "\r", "\n", "\r\n", "\r\n", " ", ":", "\t", "X: ", "\r\n.", "\n.", "\0"};
        StringBuilder s = new StringBuilder();
        int n = 1 + random.nextInt(24);
        for (int i = 0; i < n; i++) {
            s.append(tokens[random.nextInt(tokens.length)]);
        }
        return s.toString();
    }

    private static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t").replace("\0", "\\0");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
