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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jexim.conf.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of -bt and -bv: jexim and {@code exim4 -C FILE} route the same addresses
 * (one at a time, then all in one call) over configure files covering the router
 * preconditions, the accept, redirect, manualroute and ipliteral drivers and every outcome;
 * stdout and exit status must be identical, except for the cases listed with their reason in
 * routing/known-differences.txt. Skipped where /usr/sbin/exim4 is absent.
 */
class AddressTestAgainstEximTest {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");

    @TempDir
    Path dir;

    @Test
    void preconditionsAgreeWithExim() throws Exception {
        assumeTrue(Files.isExecutable(EXIM));
        Files.createDirectories(dir.resolve("flags"));
        Files.writeString(dir.resolve("flags/flagged"), "");
        Files.writeString(dir.resolve("virtual.domains"), "virt.example: virtdata\n");
        Path conf = install("preconditions.conf", "c");
        List<String> addresses = new ArrayList<>(lines("preconditions.addresses"));
        // the local parts crossed with the domains, so that every router sees every kind of address
        for (String local : List.of("alice", "owner-bob", "list-x", "root", "c7", "sd", "v-x", "Mixed", "flagged")) {
            for (String domain : List.of("test.example", "virt.example", "stop.example", "case.example",
                    "files.example", "catch.example", "localhost", "elsewhere.example")) {
                addresses.add(local + "@" + domain);
            }
        }
        List<String> differences = compareAll(conf, addresses, List.of());
        differences.addAll(compareAll(conf, List.of("sd1", "sd2", "sd3@senders.example"),
                List.of("-f", "boss@test.example")));
        differences.addAll(compareAll(conf, List.of("sd1", "sd2"), List.of("-f", "x@senders.example")));
        assertEquals(List.of(), differences);
    }

    @Test
    void redirectionAndDriversAgreeWithExim() throws Exception {
        assumeTrue(Files.isExecutable(EXIM));
        Files.createDirectories(dir.resolve("forward"));
        install("redirect.aliases", "aliases");
        Files.writeString(dir.resolve("included"), "i1\ni2@y.example\n# comment\n\n");
        Files.writeString(dir.resolve("routes"), "data.example 192.0.2.5\n");
        Files.writeString(dir.resolve("forward/f-user1"), "# Exim users\na1, \\\\f-user1\n/tmp/mbox\n");
        Files.writeString(dir.resolve("forward/f-user2"), "f-user1\n");
        Files.writeString(dir.resolve("forward/f-loop"), "f-loop\n");
        Path conf = install("redirect.conf", "c");
        assertEquals(List.of(), compareAll(conf, lines("redirect.addresses"), List.of()));
    }

    @Test
    void genericOptionsAndAddressSyntaxAgreeWithExim() throws Exception {
        assumeTrue(Files.isExecutable(EXIM));
        Path conf = install("generic.conf", "c");
        assertEquals(List.of(), compareAll(conf, lines("generic.addresses"), List.of()));
    }

    @Test
    void filterDetectionAgreesWithExim() throws Exception {
        assumeTrue(Files.isExecutable(EXIM));
        Files.writeString(dir.resolve("filter"), "# Exim filter\ndeliver b1@test.example\n");
        Files.writeString(dir.resolve("sieve"), "# Sieve filter\nredirect \"b2@test.example\";\n");
        Path conf = install("filter.conf", "c");
        assertEquals(List.of(), compareAll(conf, List.of("nf", "nf2@test.example", "ff", "other", "fx", "fs"),
                List.of()));
    }

    /** skip_syntax_errors logs each skipped item: -bt as "LOG: MAIN" on stderr, -bv as a dated line. */
    @Test
    void skippedSyntaxErrorsAreLoggedAsByExim() throws Exception {
        assumeTrue(Files.isExecutable(EXIM));
        Files.writeString(dir.resolve("syn"), "good@test.example, bad@@x, also\n");
        Path conf = install("syntax.conf", "c");
        openUp();
        List<String> differences = new ArrayList<>();
        for (String mode : List.of("-bt", "-bv")) {
            for (List<String> addresses : List.of(List.of("syn"), List.of("syn2"), List.of("syn", "syn2", "other"))) {
                List<String> args = new ArrayList<>(List.of("-C", conf.toString(), mode));
                args.addAll(addresses);
                List<String> cmd = new ArrayList<>(List.of(EXIM.toString()));
                cmd.addAll(args);
                Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                String exim = new String(p.getErrorStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                p.waitFor(60, TimeUnit.SECONDS);
                CommandLine line = Main.parse(args.toArray(new String[0]));
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                line.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.ISO_8859_1);
                line.err = new PrintStream(err, true, StandardCharsets.ISO_8859_1);
                Main.run(line);
                String jexim = err.toString(StandardCharsets.ISO_8859_1);
                if (!undated(exim).equals(undated(jexim))) {
                    differences.add(args + "\n--- exim4\n" + exim + "--- jexim\n" + jexim);
                }
            }
        }
        assertEquals(List.of(), differences);
    }

    private static String undated(String log) {
        return log.replaceAll("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ", "DATE ");
    }

    /**
     * The forbid_filter_* options (each forbidden item, logwrite and mail in a filter file) and
     * forbid_smtp_code on a :fail: message with SMTP codes. Forbidden items and commands in a
     * branch never taken are not errors (Exim checks them as it runs them).
     */
    @Test
    void filterForbidOptionsAgreeWithExim() throws Exception {
        assumeTrue(Files.isExecutable(EXIM));
        Files.writeString(dir.resolve("addr"), "hello\n");
        String d = dir.toString();
        Map<String, String> filters = Map.of(
                "rf", "deliver ${readfile{" + d + "/addr}}@test.example",
                "ru", "deliver \"${run{/bin/echo x}}@test.example\"",
                "rl", "deliver ${lookup{a}lsearch{" + d + "/addr}{x}{y}}@test.example",
                "rs", "deliver ${readsocket{" + d + "/nosock}{x}}@test.example",
                "rp", "deliver ${perl{foo}}@test.example",
                "rd", "deliver ${dlfunc{/x.so}{f}}@test.example",
                "re", "if \"${if exists{" + d + "/addr}{yes}{no}}\" is yes then deliver e@test.example endif",
                "rw", "mail to a@test.example subject hi text hello",
                "rg", "logfile " + d + "/log\nlogwrite \"hi\"",
                "un", "if 1 is 2 then\n  deliver ${readfile{" + d + "/addr}}@test.example\n"
                        + "  deliver \"${run{/bin/echo x}}@test.example\"\n"
                        + "  if ${lookup{a}lsearch{" + d + "/addr}{x}{y}} is x then deliver l@test.example endif\n"
                        + "  if \"${if exists{" + d + "/addr}{yes}{no}}\" is yes then deliver e@test.example endif\n"
                        + "  logwrite \"hi\"\n  mail to a@test.example subject hi text hello\n"
                        + "  pipe \"/bin/cat\"\n  save /tmp/x\nendif\ndeliver ok@test.example");
        for (Map.Entry<String, String> f : filters.entrySet()) {
            Files.writeString(dir.resolve(f.getKey() + ".filter"), "# Exim filter\n" + f.getValue() + "\n");
        }
        Path conf = install("forbid.conf", "c");
        List<String> addresses = new ArrayList<>(filters.keySet().stream().sorted().map(a -> a + "@test.example").toList());
        addresses.add("sc@test.example");
        assertEquals(List.of(), compareAll(conf, addresses, List.of()));
    }

    /**
     * redirect's file checks (modemask, check_owner/owners, check_group/owngroups),
     * include_directory, skip_syntax_errors with syntax_errors_to, and generic options whose
     * expansion can fail (errors_to, user), on files the test writes with those modes and owners.
     */
    @Test
    void redirectAndGenericOptionsAgreeWithExim() throws Exception {
        assumeTrue(Files.isExecutable(EXIM) && "root".equals(System.getProperty("user.name")));
        Files.createDirectories(dir.resolve("inc"));
        Files.createDirectories(dir.resolve("other"));
        Files.writeString(dir.resolve("inc/ok"), "i1\n");
        Files.writeString(dir.resolve("other/bad"), "i2\n");
        Files.writeString(dir.resolve("f666"), "x1\n");
        Files.writeString(dir.resolve("fown"), "x2\n");
        Files.writeString(dir.resolve("syn"), "good@test.example, bad@@x, also\n");
        Path conf = install("options.conf", "c");
        openUp();
        Files.setPosixFilePermissions(dir.resolve("f666"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setOwner(dir.resolve("fown"), dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        List<String> differences = new ArrayList<>();
        for (String mode : List.of("-bt", "-bv")) {
            for (String a : lines("options.addresses")) {
                compare(conf, mode, List.of(), List.of(a), differences);
            }
            compare(conf, mode, List.of(), lines("options.addresses"), differences);
        }
        assertEquals(List.of(), differences);
    }

    /**
     * queryprogram (a script the test writes) and iplookup (a UDP and a TCP server the test
     * runs on loopback, and a port where nothing listens).
     */
    @Test
    void queryprogramAndIplookupAgreeWithExim() throws Exception {
        assumeTrue(Files.isExecutable(EXIM));
        Path script = dir.resolve("qp.sh");
        Files.writeString(script, resource("qp.sh"));
        StringBuilder map = new StringBuilder();
        for (String a : lines("drivers.addresses")) {
            String lp = a.substring(0, a.indexOf('@'));
            map.append(lp).append(": ").append(lp).append('\n');
        }
        Files.writeString(dir.resolve("qpmap"), map.toString()); // lookup results are not tainted
        try (LookupPeers peers = new LookupPeers()) {
            Path conf = dir.resolve("c");
            Files.writeString(conf, resource("drivers.conf").replace("DIR", dir.toString())
                    .replace("UDPPORT", Integer.toString(peers.udpPort()))
                    .replace("TCPPORT", Integer.toString(peers.tcpPort()))
                    .replace("DEADPORT", Integer.toString(peers.deadPort())));
            assertEquals(List.of(), compareAll(conf, lines("drivers.addresses"), List.of()));
        }
    }

    /**
     * The configure files of the shared corpus (Exim's default, Debian's generated one) with
     * this system's accounts and aliases: local addresses only, no DNS.
     */
    @Test
    void corpusConfigurationsAgreeWithExim() throws Exception {
        assumeTrue(Files.isExecutable(EXIM));
        List<String> addresses = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            addresses.add(line.split(":")[0]);
        }
        for (String line : Files.readAllLines(Path.of("/etc/aliases"))) {
            if (!line.startsWith("#") && line.contains(":")) {
                addresses.add(line.substring(0, line.indexOf(':')).strip());
            }
        }
        addresses.addAll(List.of("no-such-user", "Root", "postmaster@localhost", "x@[192.0.2.9]"));
        for (String name : List.of("configure.default", "debian-exim4.config.autogenerated")) {
            assumeTrue(CORPUS != null, "no shared corpus here");
            Path conf = CORPUS.resolve(name);
            openUp();
            List<String> args = List.of("-DSYSTEM_ALIASES_FILE=/etc/aliases");
            assertEquals(List.of(), compareAll(conf, addresses.stream().distinct().toList(), args));
        }
    }

    private static final Path CORPUS = SharedCorpus.find().orElse(null);

    /** Exim drops to its own user to read a -C file: everything must be world-readable. */
    private void openUp() throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                boolean script = p.getFileName().toString().endsWith(".sh");
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                        Files.isDirectory(p) || script ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    /** Each address alone with -bt and -bv, then all of them in one -bt and one -bv call. */
    private List<String> compareAll(Path conf, List<String> addresses, List<String> options) throws Exception {
        openUp();
        Set<String> known = knownDifferences();
        List<String> differences = new ArrayList<>();
        for (String mode : List.of("-bt", "-bv")) {
            for (String address : addresses) {
                if (!known.contains(address)) {
                    compare(conf, mode, options, List.of(address), differences);
                }
            }
            List<String> all = addresses.stream().filter(a -> !known.contains(a)).toList();
            compare(conf, mode, options, all, differences);
        }
        return differences;
    }

    private void compare(Path conf, String mode, List<String> options, List<String> addresses, List<String> differences)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("-C", conf.toString()));
        args.addAll(options);
        args.add(mode);
        args.addAll(addresses);
        String exim = exim(args);
        String jexim = jexim(args);
        if (!exim.equals(jexim)) {
            differences.add(String.join(" ", args.subList(2, args.size())) + "\n--- exim4\n" + exim
                    + "--- jexim\n" + jexim);
        }
    }

    private String exim(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(EXIM.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        p.waitFor(60, TimeUnit.SECONDS);
        return out + "rc=" + p.exitValue() + "\n";
    }

    private String jexim(List<String> args) throws Exception {
        CommandLine line = Main.parse(args.toArray(new String[0]));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        line.out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
        line.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.ISO_8859_1);
        int rc = Main.run(line);
        return bytes.toString(StandardCharsets.ISO_8859_1) + "rc=" + rc + "\n";
    }

    /** Copies a resource into the test directory with DIR replaced by that directory. */
    private Path install(String resource, String name) throws IOException {
        Path target = dir.resolve(name);
        Files.writeString(target, resource(resource).replace("DIR", dir.toString()));
        return target;
    }

    private List<String> lines(String resource) throws IOException {
        return resource(resource).lines().filter(l -> !l.isBlank()).toList();
    }

    /** The addresses listed in known-differences.txt ("address  reason" lines). */
    private Set<String> knownDifferences() throws IOException {
        Set<String> known = new HashSet<>();
        for (String l : lines("known-differences.txt")) {
            if (!l.startsWith("#")) {
                known.add(l.strip().split("\\s+")[0]);
            }
        }
        return known;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AddressTestAgainstEximTest.class.getResourceAsStream("/routing/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
