package org.jexim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of -bf and -bF: each case of filter/cases.txt (a filter file, options, a
 * message) runs through {@code exim4 -bf} and jexim's -bf; stdout and exit status must be
 * identical once message ids and dates are masked. Skipped where /usr/sbin/exim4 is absent.
 * Case format: "=== NAME OPTION..." then the filter, "--- message" then the message.
 */
class FilterTestAgainstEximTest {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");

    @TempDir
    Path dir;

    record Case(String name, List<String> options, String filter, String message) {
    }

    @Test
    void everyCaseAgreesWithExim() throws Exception {
        assumeTrue(Files.isExecutable(EXIM));
        Path conf = dir.resolve("configure");
        Files.writeString(conf, "primary_hostname = test.example\nqualify_domain = test.example\n");
        Files.writeString(dir.resolve("user1"), "# Exim filter\ntestprint \"user sn3=$sn3 n3=$n3\"\n");
        List<Case> cases = cases();
        assertTrue(cases.size() >= 50, "cases: " + cases.size());
        List<String> differences = new ArrayList<>();
        for (Case c : cases) {
            Path filter = dir.resolve(c.name());
            Files.writeString(filter, c.filter().replace("DIR", dir.toString()), StandardCharsets.ISO_8859_1);
            List<String> args = new ArrayList<>(List.of("-C", conf.toString()));
            for (String o : c.options()) {
                args.add(o.replace("FILE", filter.toString()).replace("DIR", dir.toString()));
            }
            if (!c.options().contains("FILE")) {
                args.add("-bf");
                args.add(filter.toString());
            }
            String exim = mask(exim(args, c.message()));
            String jexim = mask(jexim(args, c.message()));
            if (!exim.equals(jexim)) {
                differences.add(c.name() + "\n--- exim4\n" + exim + "--- jexim\n" + jexim);
            }
        }
        assertEquals("", String.join("\n", differences));
    }

    /**
     * Main options a filter sees: headers_charset (what $h_ and rfc2047d decode into, until
     * "headers charset") and message_body_visible ($message_body, $message_body_end).
     */
    @Test
    void mainOptionsSeenByFiltersAgreeWithExim() throws Exception {
        assumeTrue(Files.isExecutable(EXIM));
        Path conf = dir.resolve("configure");
        Files.writeString(conf, "primary_hostname = test.example\nheaders_charset = ISO-8859-1\n"
                + "message_body_visible = 5\n");
        Path filter = dir.resolve("filter");
        Files.writeString(filter, "# Exim filter\ntestprint \"$h_subject: ${rfc2047d:$h_subject:}\"\n"
                + "headers charset \"UTF-8\"\ntestprint \"$h_subject:\"\n"
                + "testprint \"[$message_body] [$message_body_end]\"\n");
        List<String> args = List.of("-C", conf.toString(), "-bf", filter.toString());
        String message = "From: a@b.example\nSubject: =?UTF-8?Q?caf=C3=A9?=\n\nline one\nline two\nend\n";
        assertEquals(exim(args, message), jexim(args, message));
    }

    /** A redirect router with allow_filter: what each filter sets up, as -bt shows it. */
    @Test
    void filtersInRedirectRoutersAgreeWithExim() throws Exception {
        assumeTrue(Files.isExecutable(EXIM));
        Path filters = Files.createDirectories(dir.resolve("filters"));
        String[][] files = {
            {"all", "deliver b1@test.example\nsave /tmp/x\npipe \"/bin/cat\"\nvacation\n"},
            {"notdel", "unseen deliver b2@test.example\n"},
            {"failer", "fail text \"no such user here\"\n"},
            {"deferer", "defer text \"later\"\n"},
            {"freezer", "freeze \"cold\"\n"},
            {"discard", "seen finish\n"},
            {"nothing", "testprint x\n"},
            {"broken", "if then\n"},
            {"mailer", "mail to \"a@x.example, B <b@y.example>\" subject hi\nunseen save relative/path\n"},
            {"errs", "if $local_part is \"errs\" then deliver \"${if eq{1}{2}{a}{b}}\" endif\n"},
            {"nested", "if $local_part begins n then\n  deliver all@test.example\nelse\n  fail\nendif\n"},
            {"dirsave", "save /tmp/xdir/\nunseen save /tmp/xfile\n"},
        };
        for (String[] f : files) {
            Files.writeString(filters.resolve(f[0]), "# Exim filter\n" + f[1]);
        }
        String text;
        try (InputStream in = getClass().getResourceAsStream("/filter/routing.conf")) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).replace("DIR", dir.toString());
        }
        Path conf = dir.resolve("routing.conf");
        Files.writeString(conf, text);
        List<String> differences = new ArrayList<>();
        for (String[] f : files) {
            List<String> args = List.of("-C", conf.toString(), "-bt", f[0]);
            String exim = exim(args, "");
            String jexim = jexim(args, "");
            if (!exim.equals(jexim)) {
                differences.add(f[0] + "\n--- exim4\n" + exim + "--- jexim\n" + jexim);
            }
        }
        assertEquals("", String.join("\n", differences));
    }

    private static String mask(String s) {
        return s.replaceAll("[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}", "ID")
                .replaceAll("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}", "DATE");
    }

    private String exim(List<String> args, String message) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(EXIM.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().write(message.getBytes(StandardCharsets.ISO_8859_1));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        p.waitFor(60, TimeUnit.SECONDS);
        return out + "rc=" + p.exitValue() + "\n";
    }

    private String jexim(List<String> args, String message) throws Exception {
        CommandLine line = Main.parse(args.toArray(new String[0]));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        line.out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
        line.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.ISO_8859_1);
        line.in = new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1));
        int rc = Main.run(line);
        return bytes.toString(StandardCharsets.ISO_8859_1) + "rc=" + rc + "\n";
    }

    private static List<Case> cases() throws IOException {
        String text;
        try (InputStream in = FilterTestAgainstEximTest.class.getResourceAsStream("/filter/cases.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        List<Case> cases = new ArrayList<>();
        for (String block : text.split("(?m)^=== ")) {
            if (block.isBlank() || block.startsWith("#")) {
                continue;
            }
            int nl = block.indexOf('\n');
            List<String> head = Arrays.asList(block.substring(0, nl).strip().split("\\s+"));
            String rest = block.substring(nl + 1);
            int m = rest.indexOf("--- message\n");
            String filter = m < 0 ? rest : rest.substring(0, m);
            String message = m < 0 ? "Subject: test\n\nbody\n" : rest.substring(m + 12);
            cases.add(new Case(head.get(0), head.subList(1, head.size()), filter, message));
        }
        return cases;
    }
}
