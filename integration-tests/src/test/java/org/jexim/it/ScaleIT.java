package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Scale on one machine (issue 9), against ./jexim -bd running with a 256 MiB heap: 1000 SMTP
 * connections held open at once, each greeted and answering NOOP; and a 50 MiB message
 * accepted and delivered whole to a maildir: the server and the transports stream it, so it
 * fits a heap that holds few copies of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleIT {
    Path home;
    int port;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory("jexim-scale");
        Path conf = home.resolve("configure");
        Files.writeString(conf, "primary_hostname = scale.example\n"
                + "spool_directory = " + home.resolve("spool") + "\nlog_file_path = " + home.resolve("log") + "/%slog\n"
                + "domainlist local_domains = scale.example\n"
                + "smtp_accept_max = 1100\nsmtp_accept_max_per_host = 0\nmessage_size_limit = 60M\n"
                + "acl_smtp_rcpt = accept_local\nacl_smtp_data = check_data\n"
                + "begin acl\naccept_local:\n  accept domains = +local_domains\n  deny\n"
                // a DATA ACL reading the header and the size: the received message is read, not loaded
                + "check_data:\n  deny condition = ${if eq{$h_subject:}{spam}}\n  accept condition = ${if >{$message_size}{0}}\n"
                + "begin routers\nlocal:\n  driver = accept\n  transport = maildir\n"
                + "begin transports\nmaildir:\n  driver = appendfile\n  directory = " + home.resolve("mail")
                + "\n  maildir_format\n  create_directory\n  user = root\n");
        port = Jexim.freePort();
        Jexim.Result started = Jexim.run(List.of("env", "JEXIM_JAVA_OPTS=-Xmx256m -Xlog:gc:file=" + home.resolve("gc.log"), Jexim.ROOT.resolve("jexim").toString(),
                "-C", conf.toString(), "-oX", Integer.toString(port), "-bd"));
        assertThat(started.status()).as(started.output()).isZero();
    }

    @AfterAll
    void stop() throws Exception {
        Jexim.stop(home.resolve("spool"));
    }

    @Test
    void holdsAThousandConnectionsAtOnce() throws Exception {
        List<SmtpClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                clients.add(new SmtpClient(port));
            }
            for (SmtpClient c : clients) {
                assertThat(c.banner).startsWith("220 scale.example ESMTP Exim 4.96 ");
            }
            for (SmtpClient c : clients) {
                assertThat(c.command("NOOP")).isEqualTo("250 OK");
            }
        } finally {
            for (SmtpClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    void aFiftyMebibyteMessageIsAcceptedAndDeliveredWhole() throws Exception {
        long body = 50L * 1024 * 1024;
        try (SmtpClient c = new SmtpClient(port)) {
            c.command("EHLO client.example");
            assertThat(c.command("MAIL FROM:<s@client.example> SIZE=" + (body + 100))).isEqualTo("250 OK");
            assertThat(c.command("RCPT TO:<big@scale.example>")).isEqualTo("250 Accepted");
            assertThat(c.command("DATA")).startsWith("354 ");
            assertThat(c.content("Subject: big\r\n", body)).startsWith("250 OK id=");
        }
        Path delivered = waitForOneFile(home.resolve("mail/new"));
        long lines = (body + 79) / 80;
        String head = new String(Files.newInputStream(delivered).readNBytes(4096), java.nio.charset.StandardCharsets.US_ASCII);
        long headerBytes = head.indexOf("\n\n") + 2;
        assertThat(Files.size(delivered) - headerBytes).isEqualTo(lines * 79);
        // no collection found the live heap holding the message whole on top of the server's own (~50 MiB)
        assertThat(liveHeapAfterCollections()).as("MiB live after each collection").allMatch(mib -> mib < 100);
    }

    /** The heap in use after each evacuating collection of the server, from its -Xlog:gc file (MiB). */
    private List<Integer> liveHeapAfterCollections() throws Exception {
        List<Integer> out = new ArrayList<>();
        java.util.regex.Pattern after = java.util.regex.Pattern.compile("Pause (?:Young|Full).* \\d+M->(\\d+)M\\(");
        try (Stream<Path> logs = Files.list(home).filter(p -> p.getFileName().toString().startsWith("gc.log"))) {
            for (Path log : logs.toList()) {
                for (String line : Files.readAllLines(log)) {
                    java.util.regex.Matcher m = after.matcher(line);
                    if (m.find()) {
                        out.add(Integer.parseInt(m.group(1)));
                    }
                }
            }
        }
        assertThat(out).as("collections logged").isNotEmpty();
        return out;
    }

    private static Path waitForOneFile(Path dir) throws Exception {
        for (int i = 0; i < 1200; i++) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    List<Path> files = s.toList();
                    if (!files.isEmpty()) {
                        return files.get(0);
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("nothing delivered to " + dir);
    }
}
