package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * queue_smtp_domains against Exim 4.96: both daemons on src/test/resources/queuesmtp/configure,
 * exim4 as the remote MTA. A message to a local user and to remote.example: the local address is
 * delivered at once, the remote one is routed only ("first-pass only routing ...") and waits; a
 * plain -q run (not forced) then delivers it to the remote MTA, from both servers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueSmtpDomainsIT {
    static final Path EXIM = Path.of("/usr/sbin/exim4");
    Path configure;
    Path exim;
    Path jexim;
    Path remote;
    long eximPid;
    long remotePid;
    final List<String> beforeRun = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(EXIM) && "root".equals(System.getProperty("user.name")),
                "needs exim4 and root (exim4 -C drops to Debian-exim)");
        configure = Path.of(getClass().getResource("/queuesmtp/configure").toURI());
        exim = Files.createTempDirectory("queuesmtp-exim");
        jexim = Files.createTempDirectory("queuesmtp-jexim");
        remote = Files.createTempDirectory("queuesmtp-remote");
        for (Path d : List.of(exim, jexim, remote)) {
            for (String sub : List.of("spool", "log", "mail")) {
                Files.createDirectories(d.resolve(sub));
            }
        }
        Jexim.run(List.of("chmod", "755", exim.toString(), jexim.toString(), remote.toString()));
        Jexim.run(List.of("chown", "-R", "Debian-exim", exim.toString(), remote.toString()));
        int remotePort = Jexim.freePort();
        Jexim.Result r = Jexim.run(List.of(EXIM.toString(), "-C", Path.of(getClass().getResource("/delivery/remote.conf")
                .toURI()).toString(), "-DDIR=" + remote, "-DPORT=" + remotePort, "-bd", "-oP", remote.resolve("pid").toString()));
        assertThat(r.status()).as(r.output()).isZero();
        int eximPort = Jexim.freePort();
        Jexim.Result e = Jexim.run(List.of(EXIM.toString(), "-C", configure.toString(), "-DDIR=" + exim,
                "-DPORT=" + eximPort, "-DRELAY_TO=" + remotePort, "-DDUSER=Debian-exim", "-bd", "-oP",
                exim.resolve("pid").toString()));
        assertThat(e.status()).as(e.output()).isZero();
        int jeximPort = Jexim.freePort();
        Jexim.Result j = Jexim.jexim("-C", configure.toString(), "-DDIR=" + jexim, "-DPORT=" + jeximPort,
                "-DRELAY_TO=" + remotePort, "-DDUSER=root", "-bd");
        assertThat(j.status()).as(j.output()).isZero();
        for (int port : new int[] {remotePort, eximPort, jeximPort}) {
            EximDaemon.waitForPort(port);
        }
        remotePid = Long.parseLong(Files.readString(remote.resolve("pid")).strip());
        eximPid = Long.parseLong(Files.readString(exim.resolve("pid")).strip());
        for (int port : new int[] {eximPort, jeximPort}) {
            Jexim.Result s = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--helo", "client.example",
                    "--from", "sender@delivery.example", "--to", "ok@remote.example,user@delivery.example",
                    "--header", "Subject: queued smtp", "--header", "Message-Id: <queued-1@client.example>",
                    "--body", "routed first"));
            assertThat(s.output()).as(s.output()).contains("<-  250 ");
        }
        MainLogs.waitForLines(" == ok@remote.example", 1, exim, jexim);
        MainLogs.waitForLines("=> user", 1, exim, jexim);
        beforeRun.add(remoteBox());
        Jexim.Result x = Jexim.run(List.of(EXIM.toString(), "-C", configure.toString(), "-DDIR=" + exim,
                "-DPORT=" + eximPort, "-DRELAY_TO=" + remotePort, "-DDUSER=Debian-exim", "-q"));
        assertThat(x.status()).as(x.output()).isZero();
        Jexim.Result y = Jexim.jexim("-C", configure.toString(), "-DDIR=" + jexim, "-DPORT=" + jeximPort,
                "-DRELAY_TO=" + remotePort, "-DDUSER=root", "-q");
        assertThat(y.status()).as(y.output()).isZero();
        MainLogs.waitForLines("=> ok@remote.example", 1, exim, jexim);
    }

    @AfterAll
    void stop() throws Exception {
        for (long pid : new long[] {eximPid, remotePid}) {
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
        }
        if (jexim != null) {
            Jexim.stop(jexim.resolve("spool"));
        }
    }

    @Test
    void theRemoteAddressWaitsForTheQueueRunOnBoth() throws Exception {
        assertThat(beforeRun.get(0)).isEmpty(); // nothing reached the remote MTA before the run
        String box = DeliveryDifferentialIT.mask(remoteBox());
        assertThat(box.split("\n(?=From \\S+ BSDDATE\n)")).hasSize(2);
    }

    @Test
    void deliveryLinesAreTheSame() throws Exception {
        List<String> e = lines(exim);
        assertThat(e).contains("MESSAGEID == ok@remote.example R=to_remote T=remote_smtp defer (-1): "
                + "first-pass only routing due to -odqs, queue_smtp_domains or control=queue");
        assertThat(lines(jexim)).isEqualTo(e);
    }

    private String remoteBox() throws Exception {
        Path box = remote.resolve("mail/box");
        return Files.exists(box) ? Files.readString(box, StandardCharsets.ISO_8859_1) : "";
    }

    private static List<String> lines(Path dir) throws Exception {
        return MainLogs.lines(dir, "=>|->|\\*\\*|==", DeliveryDifferentialIT::mask);
    }
}
