package org.jexim.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Exim 4.96 as an oracle for tests: {@code exim4 -C FILE ARGS} with a session on
 * stdin, optionally resolving through a {@link LoopbackDnsServer} on port 53 (exim4 reads only
 * /etc/resolv.conf, so it runs in a private mount namespace where a resolv.conf naming the test
 * server is bound over the real one; this needs root and unshare).
 */
public final class EximOracle {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");

    private EximOracle() {
    }

    /** Whether exim4 is installed. */
    public static boolean available() {
        return Files.isExecutable(EXIM);
    }

    /** Whether exim4 can be pointed at a test DNS server (root, unshare and mount work here). */
    public static boolean canUseTestDns() {
        if (!available() || !"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("unshare", "-m", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * A configure in dir with a spool exim4 can write to: {@code spool_directory} first, then text.
     * Returns the file.
     */
    public static Path configure(Path dir, String text) throws IOException {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Files.setOwner(spool, spool.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("Debian-exim"));
        } catch (FileSystemException | java.nio.file.attribute.UserPrincipalNotFoundException e) {
            Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Path conf = dir.resolve("configure");
        Files.writeString(conf, "spool_directory = " + spool + "\n" + text);
        return conf;
    }

    /** Runs exim4 -C conf with args, input on stdin; dns (may be null) answers its DNS questions. Returns stdout. */
    public static String run(Path conf, LoopbackDnsServer dns, String input, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (dns != null) {
            Path rc = conf.resolveSibling("resolv.conf");
            Files.writeString(rc, dns.resolvConf());
            StringBuilder line = new StringBuilder("mount --bind " + rc + " /etc/resolv.conf && exec " + EXIM + " -C " + conf);
            for (String a : args) {
                line.append(" '").append(a.replace("'", "'\\''")).append("'");
            }
            cmd.addAll(List.of("unshare", "-m", "sh", "-c", line.toString()));
        } else {
            cmd.addAll(List.of(EXIM.toString(), "-C", conf.toString()));
            cmd.addAll(List.of(args));
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.ISO_8859_1));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }

    /**
     * The replies of exim4 -bh output, one string each: a multi-line reply's lines are joined
     * with single spaces (Exim folds a long message at a space), e.g. "550 text ...".
     */
    public static List<String> unfoldedReplies(String bhOutput) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : replies(bhOutput)) {
            if (current == null) {
                current = new StringBuilder(line.substring(0, 3)).append(' ').append(line.substring(4));
            } else {
                current.append(' ').append(line.substring(4));
            }
            if (line.charAt(3) == ' ') {
                out.add(current.toString());
                current = null;
            }
        }
        return out;
    }

    /** The SMTP replies of exim4 -bh output: its lines that start with three digits (comment lines dropped). */
    public static List<String> replies(String bhOutput) {
        return bhOutput.lines().filter(l -> l.matches("^[0-9]{3}[ -].*")).toList();
    }
}
