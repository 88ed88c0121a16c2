package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The exim4 and ./jexim daemons of a differential test, on one configure, stopped together. */
final class Daemons implements AutoCloseable {
    private final List<AutoCloseable> running = new ArrayList<>();

    /** A running server: its port and where its logs are. */
    record Server(int port, Path home) {
        String mainlog() throws Exception {
            Path log = home.resolve("log/mainlog");
            return Files.exists(log) ? Files.readString(log) : "";
        }
    }

    /** exim4 -bd on {@code configure} (its text) with {@code macros} (-DNAME=VALUE). */
    Server exim(String configure, String... macros) throws Exception {
        EximDaemon d = EximDaemon.start(configure, macros);
        running.add(d);
        return new Server(d.port, d.home);
    }

    /** ./jexim -bd on {@code configure} with DIR and PORT macros of its own, then {@code macros}. */
    Server jexim(Path configure, String... macros) throws Exception {
        Path home = Files.createTempDirectory("jexim-daemon");
        int port = Jexim.freePort();
        List<String> args = new ArrayList<>(List.of("-C", configure.toString(), "-DDIR=" + home, "-DPORT=" + port));
        args.addAll(List.of(macros));
        args.add("-bd");
        Jexim.Result started = Jexim.jexim(args.toArray(String[]::new));
        assertThat(started.status()).as(started.output()).isZero();
        EximDaemon.waitForPort(port);
        running.add(() -> Jexim.stop(home.resolve("spool")));
        return new Server(port, home);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable d : running) {
            d.close();
        }
    }
}
