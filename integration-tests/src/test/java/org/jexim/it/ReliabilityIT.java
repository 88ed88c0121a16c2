package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the network throws at delivery (issue 9): with DNS down, a remote address is deferred,
 * not bounced, and stays on the queue; a receiving MTA (a real exim4 on loopback) that stalls
 * after the final dot makes the smtp transport time out and defer, and nothing is lost or
 * bounced.
 */
class ReliabilityIT {
    static final Path EXIM = Path.of("/usr/sbin/exim4");
    Path home;
    Path remote;

    @AfterEach
    void stop() throws Exception {
        if (home != null) {
            Jexim.stop(home.resolve("spool"));
        }
        if (remote != null && Files.exists(remote.resolve("pid"))) {
            Jexim.run(List.of("kill", Files.readString(remote.resolve("pid")).strip()));
        }
    }

    private int startJexim(String macros, String routers, String transportOptions) throws Exception {
        home = Files.createTempDirectory("jexim-reliability");
        Path conf = home.resolve("configure");
        Files.writeString(conf, macros + "primary_hostname = reliable.example\n"
                + "spool_directory = " + home.resolve("spool") + "\nlog_file_path = " + home.resolve("log") + "/%slog\n"
                + "acl_smtp_rcpt = accept\nhost_lookup =\n"
                + "begin routers\n" + routers
                + "begin transports\nremote_smtp:\n  driver = smtp\n" + transportOptions
                + "begin retry\n*  *  F,1d,10m\n");
        int port = Jexim.freePort();
        Jexim.Result started = Jexim.jexim("-C", conf.toString(), "-oX", Integer.toString(port), "-bd");
        assertThat(started.status()).as(started.output()).isZero();
        return port;
    }

    private static String send(int port, String to) throws Exception {
        try (SmtpClient c = new SmtpClient(port)) {
            c.command("EHLO client.example");
            assertThat(c.command("MAIL FROM:<s@client.example>")).isEqualTo("250 OK");
            assertThat(c.command("RCPT TO:<" + to + ">")).isEqualTo("250 Accepted");
            assertThat(c.command("DATA")).startsWith("354 ");
            String end = c.content("Subject: reliability\r\n", 4096);
            assertThat(end).startsWith("250 OK id=");
            return end.substring("250 OK id=".length());
        }
    }

    private String waitForLogLine(String part) throws Exception {
        Path mainlog = home.resolve("log/mainlog");
        for (int i = 0; i < 600; i++) {
            if (Files.exists(mainlog)) {
                String found = Files.readAllLines(mainlog).stream().filter(l -> l.contains(part)).findFirst().orElse(null);
                if (found != null) {
                    return found;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no main log line with \"" + part + "\" in\n"
                + (Files.exists(mainlog) ? Files.readString(mainlog) : "(no mainlog)"));
    }

    private void assertStillQueuedAndNotBounced(String id) throws Exception {
        Jexim.Result bp = Jexim.jexim("-C", home.resolve("configure").toString(), "-bp");
        assertThat(bp.output()).as(bp.output()).contains(id);
        assertThat(Files.readString(home.resolve("log/mainlog"))).doesNotContain(" ** ").doesNotContain("<= <>");
    }

    @Test
    void dnsDownDefersTheAddressAndKeepsTheMessage() throws Exception {
        // nothing listens on port 1 of the loopback: every query fails at once, as with a dead resolver
        int port = startJexim("JEXIM_DNS_SERVERS = 127.0.0.1:1\n",
                "dnslookup:\n  driver = dnslookup\n  transport = remote_smtp\n", "");
        String id = send(port, "someone@remote.example");
        assertThat(waitForLogLine(id + " == "))
                .endsWith(id + " == someone@remote.example R=dnslookup defer (-1): host lookup did not complete");
        assertStillQueuedAndNotBounced(id);
    }

    @Test
    void aReceiverThatStallsAfterTheDotMakesTheTransportDeferAndNothingIsLost() throws Exception {
        assumeTrue(Files.isExecutable(EXIM), "needs exim4 as the receiving MTA");
        remote = Files.createTempDirectory("jexim-stalling");
        for (String sub : List.of("spool", "log", "mail")) {
            Files.createDirectories(remote.resolve(sub));
        }
        Jexim.run(List.of("chmod", "755", remote.toString()));
        Jexim.run(List.of("chown", "-R", "Debian-exim", remote.toString()));
        int remotePort = Jexim.freePort();
        Path conf = Path.of(getClass().getResource("/reliability/stalling.conf").toURI());
        Jexim.Result r = Jexim.run(List.of(EXIM.toString(), "-C", conf.toString(), "-DDIR=" + remote,
                "-DPORT=" + remotePort, "-DSTALL=60s", "-bd", "-oP", remote.resolve("pid").toString()));
        assertThat(r.status()).as(r.output()).isZero();
        int port = startJexim("", "to_remote:\n  driver = manualroute\n  route_list = * 127.0.0.1 byname\n"
                + "  self = send\n  transport = remote_smtp\n",
                "  port = " + remotePort + "\n  allow_localhost\n  command_timeout = 5s\n  final_timeout = 5s\n");
        String id = send(port, "someone@stall.example");
        assertThat(waitForLogLine(id + " == ")).contains(id + " == someone@stall.example R=to_remote T=remote_smtp defer (");
        assertStillQueuedAndNotBounced(id);
    }
}
