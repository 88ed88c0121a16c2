package org.jexim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs exim4 with its syslog(3) datagrams caught: in a private mount namespace /dev is a fresh
 * tmpfs (with null, zero, random, urandom bound from the real one) whose {@code log} is a symlink
 * to a Unix datagram socket that a small python3 listener reads (Java has no Unix datagram
 * sockets). Needs root, unshare and python3.
 */
final class DevLogCapture {
    private static final String LISTENER = String.join("\n",
        "import socket, sys, os",
        "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
        "s.bind(sys.argv[1]); os.chmod(sys.argv[1], 0o666)",
        "open(sys.argv[1] + '.ready', 'w').close()",
        "s.settimeout(30)",
        "out = open(sys.argv[2], 'wb')",
        "try:",
        "    while True:",
        "        d = s.recv(65536); out.write(d + b'\\n'); out.flush()  # syslog parts never hold a newline",
        "        s.settimeout(3)",
        "except socket.timeout:",
        "    pass",
        "");

    private DevLogCapture() {
    }

    static boolean usable() {
        return ScratchSpool.eximUsable() && Files.isExecutable(Path.of("/usr/bin/python3"))
            && Files.isExecutable(Path.of("/usr/bin/unshare"));
    }

    /** The datagrams exim4 -C conf ARGS (stdin = input) sent to /dev/log, in order. */
    static List<String> run(Path dir, Path conf, String input, List<String> args) throws Exception {
        Path socket = dir.resolve("devlog.sock");
        Path out = dir.resolve("devlog.out");
        Path script = dir.resolve("devlog.py");
        Files.writeString(script, LISTENER);
        Process listener = new ProcessBuilder("python3", script.toString(), socket.toString(), out.toString())
            .redirectErrorStream(true).start();
        Path ready = Path.of(socket + ".ready");
        for (int i = 0; i < 200 && !Files.exists(ready); i++) {
            Thread.sleep(50);
        }
        Path oldDev = Files.createDirectories(dir.resolve("olddev"));
        StringBuilder command = new StringBuilder("mount --make-rprivate / && mount --rbind /dev " + oldDev
            + " && mount -t tmpfs none /dev && for f in null zero random urandom; do touch /dev/$f;"
            + " mount --bind " + oldDev + "/$f /dev/$f; done; ln -s " + socket + " /dev/log; exec "
            + ScratchSpool.EXIM + " -C " + conf);
        for (String a : args) {
            command.append(" '").append(a.replace("'", "'\\''")).append('\'');
        }
        Process exim = new ProcessBuilder("unshare", "-m", "sh", "-c", command.toString())
            .redirectErrorStream(true).start();
        exim.getOutputStream().write(input.getBytes(StandardCharsets.ISO_8859_1));
        exim.getOutputStream().close();
        exim.getInputStream().readAllBytes();
        exim.waitFor(30, TimeUnit.SECONDS);
        listener.waitFor(60, TimeUnit.SECONDS);
        List<String> datagrams = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.ISO_8859_1)) {
            datagrams.add(line);
        }
        return datagrams;
    }
}
