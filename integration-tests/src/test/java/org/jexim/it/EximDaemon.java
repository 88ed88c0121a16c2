package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Exim 4.96 daemon ({@code exim4 -bd}) on a configure of the test's, the oracle of the
 * differential server tests. Exim drops to Debian-exim for a -C file, so the state directory
 * is given to that user; the configure itself must belong to root. Needs root and exim4.
 */
final class EximDaemon implements AutoCloseable {
    static final Path EXIM = Path.of("/usr/sbin/exim4");
    final Path home;
    final int port;
    private final long pid;

    private EximDaemon(Path home, int port, long pid) {
        this.home = home;
        this.port = port;
        this.pid = pid;
    }

    static boolean available() {
        return Files.isExecutable(EXIM) && "root".equals(System.getProperty("user.name"));
    }

    /** Starts exim4 on {@code configure}, given -DDIR=its state directory and -DPORT=a free port. */
    static EximDaemon start(String configure, String... macros) throws Exception {
        Path home = Files.createTempDirectory("exim-daemon");
        for (String sub : List.of("spool", "log", "mail")) {
            Files.createDirectories(home.resolve(sub));
        }
        Path conf = Files.createTempFile("exim-daemon", ".conf");
        Files.writeString(conf, configure);
        // the delivery processes Exim re-executes run as Debian-exim and must read the configure
        Jexim.run(List.of("chmod", "644", conf.toString()));
        Jexim.run(List.of("chmod", "755", home.toString()));
        Jexim.run(List.of("chown", "-R", "Debian-exim", home.toString()));
        int port = Jexim.freePort();
        List<String> command = new ArrayList<>(List.of(EXIM.toString(), "-C", conf.toString(), "-DDIR=" + home, "-DPORT=" + port));
        command.addAll(List.of(macros));
        command.addAll(List.of("-bd", "-oP", home.resolve("pid").toString()));
        Jexim.Result r = Jexim.run(command);
        assertThat(r.status()).as(r.output()).isZero();
        waitForPort(port);
        return new EximDaemon(home, port, Long.parseLong(Files.readString(home.resolve("pid")).strip()));
    }

    static void waitForPort(int port) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nothing listens on " + port);
    }

    /** The pid an exim4 -bd wrote with -oP, waiting a little for the file: the port may answer first. */
    static long pid(Path pidFile) throws Exception {
        for (int i = 0; i < 100 && !Files.exists(pidFile); i++) {
            Thread.sleep(100);
        }
        return Long.parseLong(Files.readString(pidFile).strip());
    }

    String mainlog() throws java.io.IOException {
        Path log = home.resolve("log/mainlog");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws Exception {
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroy();
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        });
    }
}
