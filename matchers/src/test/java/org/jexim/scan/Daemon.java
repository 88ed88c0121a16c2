package org.jexim.scan;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A real daemon started as a child process by a test, stopped when the test ends. */
final class Daemon implements AutoCloseable {
    private final Process process;
    private final Path log;

    private Daemon(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static Daemon start(List<String> command, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        return new Daemon(pb.start(), log);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until the daemon accepts TCP connections on {@code port} and its Unix socket exists. */
    void awaitReady(int port, Path unixSocket, long seconds) throws Exception {
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

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
