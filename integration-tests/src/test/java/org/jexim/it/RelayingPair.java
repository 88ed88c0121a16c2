package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * exim4 -bd and jexim -bd side by side on one configure (src/test/resources/retry/configure unless
 * told), each relaying
 * remote.example to an exim4 -bd of its own (src/test/resources/delivery/remote.conf), which is
 * started when the test says so. Needs root and exim4.
 */
final class RelayingPair implements AutoCloseable {
    static final Path EXIM = Path.of("/usr/sbin/exim4");
    final Path exim;
    final Path jexim;
    final Path eximRemote;
    final Path jeximRemote;
    private final int eximRemotePort;
    private final int jeximRemotePort;
    private final int eximPort;
    private final int jeximPort;
    private final List<String> eximArgs;
    private final List<String> jeximArgs;
    private final List<Long> pids = new ArrayList<>();

    static boolean available() {
        return Files.isExecutable(EXIM) && "root".equals(System.getProperty("user.name"));
    }

    /** Both senders started with these -D macros (besides DIR, PORT, RELAY_TO and DUSER). */
    RelayingPair(String... macros) throws Exception {
        this("/retry/configure", List.of(macros));
    }

    /** The same on another configure of the test resources, which takes the same macros. */
    static RelayingPair on(String configureResource, String... macros) throws Exception {
        return new RelayingPair(configureResource, List.of(macros));
    }

    private RelayingPair(String configureResource, List<String> macros) throws Exception {
        Path configure = Path.of(getClass().getResource(configureResource).toURI());
        exim = Files.createTempDirectory("pair-exim");
        jexim = Files.createTempDirectory("pair-jexim");
        eximRemote = Files.createTempDirectory("pair-exim-remote");
        jeximRemote = Files.createTempDirectory("pair-jexim-remote");
        for (Path d : List.of(exim, jexim, eximRemote, jeximRemote)) {
            for (String sub : List.of("spool", "log", "mail")) {
                Files.createDirectories(d.resolve(sub));
            }
            Jexim.run(List.of("chmod", "755", d.toString()));
        }
        Jexim.run(List.of("chown", "-R", "Debian-exim", exim.toString(), eximRemote.toString(), jeximRemote.toString()));
        eximRemotePort = Jexim.freePort();
        jeximRemotePort = Jexim.freePort();
        eximPort = Jexim.freePort();
        jeximPort = Jexim.freePort();
        eximArgs = new ArrayList<>(List.of(EXIM.toString(), "-C", configure.toString(), "-DDIR=" + exim,
                "-DPORT=" + eximPort, "-DRELAY_TO=" + eximRemotePort, "-DDUSER=Debian-exim"));
        jeximArgs = new ArrayList<>(List.of("-C", configure.toString(), "-DDIR=" + jexim, "-DPORT=" + jeximPort,
                "-DRELAY_TO=" + jeximRemotePort, "-DDUSER=root"));
        for (String m : macros) {
            eximArgs.add("-D" + m);
            jeximArgs.add("-D" + m);
        }
        Jexim.Result e = Jexim.run(concat(eximArgs, "-bd", "-oP", exim.resolve("pid").toString()));
        assertThat(e.status()).as(e.output()).isZero();
        Jexim.Result j = Jexim.jexim(concat(jeximArgs, "-bd").toArray(new String[0]));
        assertThat(j.status()).as(j.output()).isZero();
        EximDaemon.waitForPort(eximPort);
        EximDaemon.waitForPort(jeximPort);
        pids.add(EximDaemon.pid(exim.resolve("pid")));
    }

    /** One message from sender@delivery.example to both senders over SMTP. */
    void send(String to, String subject) throws Exception {
        sendAs("sender@delivery.example", to, List.of("--header", "Subject: " + subject, "--body", subject));
    }

    /** One message to both senders over SMTP, with more swaks arguments (--data @FILE, --body, ...). */
    void sendAs(String from, String to, List<String> swaksArgs) throws Exception {
        for (int port : new int[] {eximPort, jeximPort}) {
            List<String> command = new ArrayList<>(List.of("swaks", "--server", "127.0.0.1:" + port, "--helo",
                    "client.example", "--from", from, "--to", to));
            command.addAll(swaksArgs);
            Jexim.Result s = Jexim.run(command);
            assertThat(s.output()).as(s.output()).contains("<-  250 ");
        }
    }

    /** Starts both receiving MTAs. */
    void startRemotes() throws Exception {
        startRemote(eximRemote, eximRemotePort);
        startRemote(jeximRemote, jeximRemotePort);
    }

    private void startRemote(Path dir, int port) throws Exception {
        Jexim.Result r = Jexim.run(List.of(EXIM.toString(), "-C", Path.of(getClass().getResource("/delivery/remote.conf")
                .toURI()).toString(), "-DDIR=" + dir, "-DPORT=" + port, "-bd", "-oP", dir.resolve("pid").toString()));
        assertThat(r.status()).as(r.output()).isZero();
        EximDaemon.waitForPort(port);
        pids.add(EximDaemon.pid(dir.resolve("pid")));
    }

    /** The same queue command (-q, -qf, -qq, ...) on both; each returns when its run is over. */
    void runQueue(String option) throws Exception {
        Jexim.Result x = Jexim.run(concat(eximArgs, option));
        assertThat(x.status()).as(x.output()).isZero();
        Jexim.Result y = Jexim.jexim(concat(jeximArgs, option).toArray(new String[0]));
        assertThat(y.status()).as(y.output()).isZero();
    }

    /** Each side's own command line options after the common ones (-M with each side's message id). */
    void run(List<String> eximOptions, List<String> jeximOptions) throws Exception {
        Jexim.Result x = Jexim.run(concat(eximArgs, eximOptions.toArray(new String[0])));
        assertThat(x.status()).as(x.output()).isZero();
        Jexim.Result y = Jexim.jexim(concat(jeximArgs, jeximOptions.toArray(new String[0])).toArray(new String[0]));
        assertThat(y.status()).as(y.output()).isZero();
    }

    /** The id of the message whose main log line contains {@code mark}. */
    static String messageId(Path dir, String mark) throws Exception {
        return Files.readAllLines(dir.resolve("log/mainlog")).stream().filter(l -> l.contains(mark)).findFirst()
                .orElseThrow().split(" ")[2];
    }

    /** How many connections a receiving exim4 took messages on: its message ids carry the receiving process's pid. */
    static long connections(Path remote, int messages) throws Exception {
        Matcher m = Pattern.compile("\\S+-(\\S+)-\\S+ <= ").matcher(Files.readString(remote.resolve("log/mainlog")));
        List<String> receivers = new ArrayList<>();
        while (m.find()) {
            receivers.add(m.group(1));
        }
        assertThat(receivers).hasSize(messages);
        return receivers.stream().distinct().count();
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    @Override
    public void close() throws Exception {
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
        Jexim.stop(jexim.resolve("spool"));
    }
}
