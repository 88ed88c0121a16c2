package org.jexim.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real daemon started as a child process by a test, stopped when the test ends; with
 * starters for the content scanners the anti-spam tests use: spamd with local rules only
 * (GTUBE) and clamd with a signature database the test writes (EICAR).
 */
public final class Daemon implements AutoCloseable {
    private final Process process;
    private int port;
    private Path socket;
    private final Path log;

    private Daemon(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static Daemon start(List<String> command, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        return new Daemon(pb.start(), log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until the daemon accepts TCP connections on {@code port} and its Unix socket exists. */
    public void awaitReady(int port, Path unixSocket, long seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("daemon exited: " + Files.readString(log));
            }
            if ((unixSocket == null || Files.exists(unixSocket)) && accepts(port)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("daemon not ready after " + seconds + "s: " + Files.readString(log));
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The test string every virus scanner must report as Eicar-Test-Signature. */
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    /** The TCP port the daemon listens on (for the starters below). */
    public int port() {
        return port;
    }

    /** Its Unix socket (for the starters below). */
    public Path socket() {
        return socket;
    }

    /** Starts Debian's spamd on 127.0.0.1 (random port) and a Unix socket in dir, local rules only; null if not installed. */
    public static Daemon spamd(Path dir) throws Exception {
        Path spamd = Path.of("/usr/sbin/spamd");
        if (!Files.isExecutable(spamd)) {
            return null;
        }
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path site = Files.createDirectories(dir.resolve("site"));
        // the plugin loaders Debian keeps in /etc/spamassassin; v320.pre's Check plugin is required
        Path etc = Path.of("/etc/spamassassin");
        if (Files.isDirectory(etc)) {
            try (var pre = Files.newDirectoryStream(etc, "*.pre")) {
                for (Path p : pre) {
                    Files.copy(p, site.resolve(p.getFileName()));
                }
            }
        } else {
            Files.writeString(site.resolve("v320.pre"), "loadplugin Mail::SpamAssassin::Plugin::Check\n");
        }
        Files.writeString(site.resolve("local.cf"), "use_bayes 0\nskip_rbl_checks 1\nbayes_auto_learn 0\n");
        int port = freePort();
        Path socket = dir.resolve("spamd.sock");
        List<String> cmd = new java.util.ArrayList<>(List.of(spamd.toString(), "-L", "-x",
                "--configpath=/usr/share/spamassassin", "--siteconfigpath=" + site, "--listen=127.0.0.1:" + port,
                "--listen=" + socket, "-m", "1", "--min-spare=1", "--max-spare=1", "-s", "stderr",
                "--pidfile=" + dir.resolve("spamd.pid")));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("-u", "nobody", "--socketmode=0666"));
        }
        Daemon d = start(cmd, dir.resolve("spamd.log"));
        d.port = port;
        d.socket = socket;
        d.awaitReady(port, socket, 120);
        return d;
    }

    /** Starts Debian's clamd on 127.0.0.1 (random port) and a Unix socket in dir, knowing only EICAR; null if not installed. */
    public static Daemon clamd(Path dir) throws Exception {
        Path clamd = Path.of("/usr/sbin/clamd");
        if (!Files.isExecutable(clamd)) {
            return null;
        }
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve("jexim.ndb"), "Eicar-Test-Signature:0:*:"
                + java.util.HexFormat.of().formatHex(EICAR.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) + "\n");
        int port = freePort();
        Path socket = dir.resolve("clamd.sock");
        Path conf = dir.resolve("clamd.conf");
        Files.writeString(conf, "DatabaseDirectory " + db + "\nLocalSocket " + socket + "\nTCPSocket " + port
                + "\nTCPAddr 127.0.0.1\nForeground yes\nLogFile " + dir.resolve("clamd.log") + "\nPidFile "
                + dir.resolve("clamd.pid") + "\nUser " + System.getProperty("user.name") + "\n");
        Daemon d = start(List.of(clamd.toString(), "-c", conf.toString()), dir.resolve("clamd.out"));
        d.port = port;
        d.socket = socket;
        d.awaitReady(port, socket, 120);
        return d;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
