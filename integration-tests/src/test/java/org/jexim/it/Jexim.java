package org.jexim.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the ./jexim command of the repository (already built) and the swaks client, as a user would. */
final class Jexim {
    static final Path ROOT = Path.of(System.getProperty("jexim.root", "..")).toAbsolutePath().normalize();

    private Jexim() {
    }

    /** The exit status and combined output of a command. */
    record Result(int status, String output, long millis) {
    }

    static Result jexim(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("jexim").toString());
        command.addAll(List.of(args));
        return run(command);
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JEXIM_NO_BUILD", "1");
        long start = System.nanoTime();
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), (System.nanoTime() - start) / 1_000_000);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops a daemon started with -bd, by the pid it wrote in its spool directory. */
    static void stop(Path spool) throws Exception {
        Path pidFile = spool.resolve("jexim-daemon.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            handle.get().destroy();
            handle.get().onExit().get(60, TimeUnit.SECONDS);
        }
    }
}
