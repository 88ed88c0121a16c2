package org.jexim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of -brw, and of -bt with rewriting: jexim and {@code exim4 -C FILE} rewrite
 * the same addresses with a rewrite section that uses every flag (E F T b c f h r s t S Q q R w),
 * wildcard, regex and lookup patterns, "*" and forced-failure replacements; stdout and exit
 * status must be identical. Skipped where /usr/sbin/exim4 is absent.
 */
class RewriteAgainstEximTest {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");

    @TempDir
    Path dir;

    @Test
    void rewriteTestAgreesWithExim() throws Exception {
        assumeTrue(Files.isExecutable(EXIM));
        Path conf = setUp();
        List<String> differences = new ArrayList<>();
        for (String address : lines("rewrite.addresses")) {
            compare(List.of("-C", conf.toString(), "-brw", address), differences);
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void addressTestShowsTheRewrittenAddressAsExim() throws Exception {
        assumeTrue(Files.isExecutable(EXIM));
        Path conf = setUp();
        List<String> differences = new ArrayList<>();
        for (String address : List.of("x@old.example", "to@test.example", "env@test.example", "y@test.example",
                "hearts-queen@wonderland.fict.example")) {
            compare(List.of("-C", conf.toString(), "-bt", address), differences);
            compare(List.of("-C", conf.toString(), "-bv", address), differences);
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void noRulesAgreesWithExim() throws Exception {
        assumeTrue(Files.isExecutable(EXIM));
        Path conf = dir.resolve("empty");
        Files.writeString(conf, "begin routers\nr:\n  driver = accept\n  transport = t\n"
                + "begin transports\nt:\n  driver = appendfile\n  file = /dev/null\n");
        openUp();
        List<String> differences = new ArrayList<>();
        compare(List.of("-C", conf.toString(), "-brw", "a@b.example"), differences);
        compare(List.of("-C", conf.toString(), "-brw"), differences);
        assertEquals(List.of(), differences);
    }

    private Path setUp() throws IOException {
        Files.writeString(dir.resolve("map"), "mapped: m@mapped.example\n");
        Path conf = dir.resolve("c");
        Files.writeString(conf, resource("rewrite.conf").replace("DIR", dir.toString()));
        openUp();
        return conf;
    }

    /** Exim drops to its own user to read a -C file: everything must be world-readable. */
    private void openUp() throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private void compare(List<String> args, List<String> differences) throws Exception {
        String exim = exim(args);
        String jexim = jexim(args);
        if (!exim.equals(jexim)) {
            differences.add(String.join(" ", args.subList(2, args.size())) + "\n--- exim4\n" + exim
                    + "--- jexim\n" + jexim);
        }
    }

    private static String exim(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(EXIM.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        p.waitFor(60, TimeUnit.SECONDS);
        return out + "rc=" + p.exitValue() + "\n";
    }

    private static String jexim(List<String> args) throws Exception {
        CommandLine line = Main.parse(args.toArray(new String[0]));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        line.out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
        line.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.ISO_8859_1);
        int rc = Main.run(line);
        return bytes.toString(StandardCharsets.ISO_8859_1) + "rc=" + rc + "\n";
    }

    private static List<String> lines(String resource) throws IOException {
        return resource(resource).lines().filter(l -> !l.isBlank()).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RewriteAgainstEximTest.class.getResourceAsStream("/rewrite/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
