package org.jexim.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.reader.ConfigReader;
import org.jexim.conf.translate.Translator;
import org.jexim.log.EximLog;
import org.jexim.testkit.EximOracle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callout verification against a real peer: a real exim4 daemon (bhc/remote.conf) listens on
 * four loopback ports; the sessions of bhc/callout.sessions go to {@code exim4 -bhc} and to
 * jexim's -bhc on bhc/callout.conf, each starting with an empty callout cache, and every reply
 * line and every log line must be the same. Needs exim4 and root (the daemon).
 */
class CalloutAgainstEximTest {
    private static final Path DIR = Path.of("src/test/resources/org/jexim/smtp/bhc");

    @TempDir
    static Path tmp;
    static Process remote;
    static Path eximConf;
    static Path jeximConf;
    static Path eximSpool;
    static Path jeximSpool;

    @BeforeAll
    static void startRemote() throws Exception {
        assumeTrue(EximOracle.available() && "root".equals(System.getProperty("user.name")),
                "needs exim4 and root (a real exim4 daemon is the remote server)");
        java.nio.file.Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        int[] ports = freePorts(5);
        Path remoteDir = Files.createDirectories(tmp.resolve("remote"));
        Path remoteConf = EximOracle.configure(remoteDir, ports(Files.readString(DIR.resolve("remote.conf")), ports)
                .replace("SPOOL", remoteDir.resolve("spool").toString()));
        remote = new ProcessBuilder(EximSessions.EXIM.toString(), "-C", remoteConf.toString(), "-bdf")
                .redirectErrorStream(true).redirectOutput(remoteDir.resolve("daemon.out").toFile()).start();
        for (int p = 0; p < 4; p++) {
            awaitListening(ports[p]);
        }
        String local = ports(Files.readString(DIR.resolve("callout.conf")), ports);
        eximConf = EximOracle.configure(Files.createDirectories(tmp.resolve("exim")), local);
        eximSpool = eximConf.resolveSibling("spool");
        jeximSpool = Files.createDirectories(tmp.resolve("jexim-spool"));
        jeximConf = Files.writeString(tmp.resolve("jexim.conf"), "spool_directory = " + jeximSpool + "\n" + local);
    }

    @AfterAll
    static void stopRemote() {
        if (remote != null) {
            remote.destroy();
        }
    }

    @TestFactory
    Stream<DynamicTest> calloutsAgreeWithExim() throws Exception {
        Configuration config = ConfigReader.read(jeximConf, Map.of());
        Path translated = Files.createDirectories(tmp.resolve("translated"));
        Translator.translate(config).writeTo(translated);
        List<DynamicTest> tests = new ArrayList<>();
        List<EximSessions.Session> sessions = EximSessions.read(DIR.resolve("callout.sessions"));
        for (int i = 0; i < sessions.size(); i++) {
            EximSessions.Session s = sessions.get(i);
            for (String mode : i < 2 ? List.of("-bhc", "-bh") : List.of("-bhc")) {
                // under -bh (the first sessions again) Exim omits callouts: routing alone verifies
                tests.add(DynamicTest.dynamicTest("callout #" + (i + 1) + " from " + s.ip() + " " + mode, () -> {
                    org.junit.jupiter.api.Assertions.assertTrue(remote.isAlive(),
                            "the remote exim4 daemon has gone: " + Files.readString(tmp.resolve("remote/daemon.out")));
                    forgetCallouts(eximSpool);
                    String exim = EximSessions.exim(List.of("-C", eximConf.toString(), mode, s.ip()), s.script(), true);
                    forgetCallouts(jeximSpool);
                    assertEquals(EximSessions.mask(exim, Set.of()),
                            EximSessions.mask(jexim(config, translated, s, mode.equals("-bhc")), Set.of()));
                }));
            }
        }
        return tests.stream();
    }

    private static String jexim(Configuration config, Path translated, EximSessions.Session s, boolean callouts)
            throws Exception {
        List<String> logs = new ArrayList<>();
        EximLog.divert(new EximSessions.Collecting(logs));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
        TestSession.of(config, translated, out, callouts).run(s.ip(), new BufferedReader(new StringReader(s.script())));
        StringBuilder all = new StringBuilder(bytes.toString(StandardCharsets.ISO_8859_1));
        logs.forEach(l -> all.append(l).append('\n'));
        return all.toString();
    }

    /** Each session starts without cached callout results, on both sides. */
    private static void forgetCallouts(Path spool) throws IOException {
        Path db = spool.resolve("db");
        if (Files.isDirectory(db)) {
            try (Stream<Path> files = Files.list(db)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("callout")).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private static String ports(String text, int[] ports) {
        return text.replace("PORT1", Integer.toString(ports[0])).replace("PORT2", Integer.toString(ports[1]))
                .replace("PORT3", Integer.toString(ports[2])).replace("PORT4", Integer.toString(ports[3]))
                .replace("CLOSED", Integer.toString(ports[4]));
    }

    /** Ports free now; the last stays closed (a refused connection). */
    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        int[] out = new int[n];
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0);
                held.add(s);
                out[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return out;
    }

    /** Waits until the daemon accepts connections on the port (it starts in a moment). */
    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("exim4 -bdf did not listen on " + port);
    }
}
