package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jexim.testkit.EximOracle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The daemon acts on ACL controls as exim4 does: {@code freeze} spools the message frozen
 * ("frozen by ACL", -bp shows it frozen, nothing delivered), {@code queue_only} leaves it for a
 * queue run, {@code fakereject}/{@code fakedefer} answer 550/450 and deliver all the same; and
 * {@code verify = recipient/callout} calls out to the host routing chose, here a real exim4
 * daemon, with Exim's reply for a refused address.
 */
class AclControlsIT {
    private static final Pattern ID = Pattern.compile("id=(\\S+)");
    Path home;
    Process remote;

    @AfterEach
    void stop() throws Exception {
        if (home != null) {
            Jexim.stop(home.resolve("spool"));
        }
        if (remote != null) {
            remote.destroy();
        }
    }

    @Test
    void controlsAndCalloutsInTheDaemon() throws Exception {
        home = Files.createTempDirectory("jexim-aclcontrols");
        int remotePort = Jexim.freePort();
        boolean callouts = EximOracle.available() && "root".equals(System.getProperty("user.name"));
        if (callouts) {
            startRemote(remotePort);
        }
        Path conf = home.resolve("configure");
        Files.writeString(conf, "primary_hostname = acl.example\nqualify_domain = acl.example\n"
                + "spool_directory = " + home.resolve("spool") + "\nlog_file_path = " + home.resolve("log") + "/%slog\n"
                + "acl_smtp_rcpt = check_rcpt\nacl_smtp_data = check_data\n"
                + "begin acl\n"
                + "check_data:\n  deny condition = ${if eq{$h_subject:}{multi}}\n       message = line one\\nline two\n"
                + "  accept\n"
                + "check_rcpt:\n"
                + "  deny    domains = remote.example\n"
                + "          !verify = recipient/callout=10s\n"
                + "  accept  domains = remote.example\n"
                + "  discard local_parts = gone\n          log_message = not wanted\n"
                + "  accept  local_parts = sub\n          control = submission\n"
                + "  accept  local_parts = freeze\n          control = freeze\n"
                + "  accept  local_parts = queue\n          control = queue_only\n"
                + "  accept  local_parts = fr\n          control = fakereject\n"
                + "  accept  local_parts = fd\n          control = fakedefer/Not now\n"
                + "  accept\n"
                + "begin routers\n"
                + "remote:\n  driver = manualroute\n  domains = remote.example\n  route_list = * 127.0.0.1\n"
                + "  self = send\n  transport = remote_smtp\n"
                + "local:\n  driver = accept\n  transport = local\n"
                + "begin transports\n"
                + "remote_smtp:\n  driver = smtp\n  port = " + remotePort + "\n"
                + "local:\n  driver = appendfile\n  file = " + home.resolve("mail") + "/$local_part\n  create_file = " + home.resolve("mail") + "\n  user = root\n");
        int port = Jexim.freePort();
        Jexim.Result started = Jexim.jexim("-C", conf.toString(), "-oX", Integer.toString(port), "-bd");
        assertThat(started.status()).as(started.output()).isZero();
        Path mainlog = home.resolve("log/mainlog");
        Path mail = home.resolve("mail");

        String frozen = send(port, "freeze", "250");
        awaitLog(mainlog, frozen + " frozen by ACL");
        assertThat(Jexim.jexim("-C", conf.toString(), "-bp").output()).contains(frozen).contains("*** frozen ***");

        String queued = send(port, "queue", "250");
        awaitLog(mainlog, queued + " no immediate delivery: queued by ACL");

        send(port, "fr", "550 recipient(s).");
        awaitLog(mainlog, "(= s@client.example H=(client.example) [127.0.0.1]");
        send(port, "fd", "450 Not now");
        send(port, "multi", "550 line two"); // a DATA ACL's refusal of two lines, both sent
        String submitted = send(port, "sub", "250");
        awaitLog(mail.resolve("sub"), "Subject: sub");
        String box = Files.readString(mail.resolve("sub"));
        assertThat(box).contains("Message-Id: <E" + submitted + "@acl.example>").contains("From: s@client.example\n")
                .containsPattern("\nDate: [A-Z][a-z]{2}, ");
        String gone = send(port, "gone", "250");
        awaitLog(mainlog, "F=<s@client.example> RCPT <gone@acl.example>: discarded by RCPT ACL: not wanted");
        awaitLog(mainlog, gone + " => blackhole (RCPT ACL discarded recipients)\n");
        awaitLog(mainlog, gone + " Completed");
        awaitLog(mail.resolve("fr"), "Subject: fr");
        awaitLog(mail.resolve("fd"), "Subject: fd");

        assertThat(mail.resolve("freeze")).doesNotExist();
        assertThat(mail.resolve("queue")).doesNotExist();
        assertThat(mail.resolve("gone")).doesNotExist();
        Jexim.Result run = Jexim.jexim("-C", conf.toString(), "-q");
        assertThat(run.status()).as(run.output()).isZero();
        awaitLog(mail.resolve("queue"), "Subject: queue");
        assertThat(mail.resolve("freeze")).doesNotExist();

        if (callouts) {
            try (SmtpClient c = new SmtpClient(port)) {
                c.command("EHLO client.example");
                c.command("MAIL FROM:<s@client.example>");
                assertThat(c.command("RCPT TO:<good@remote.example>")).isEqualTo("250 Accepted");
                assertThat(c.command("RCPT TO:<bad@remote.example>")).isEqualTo("550 550 Unknown user");
                c.command("QUIT");
            }
            awaitLog(mainlog, "rejected RCPT <bad@remote.example>: 127.0.0.1 [127.0.0.1] : SMTP error from remote "
                    + "mail server after RCPT TO:<bad@remote.example>: 550 Unknown user");
            assertThat(Files.readAllLines(home.resolve("spool/db/callout"))).anyMatch(l -> l.startsWith("remote.example\t1\t"));
        }
    }

    /** Sends one message to LOCAL_PART@acl.example; the last line of the final reply must start with {@code reply}; the id. */
    private static String send(int port, String localPart, String reply) throws Exception {
        try (SmtpClient c = new SmtpClient(port)) {
            c.command("EHLO client.example");
            c.command("MAIL FROM:<s@client.example>");
            assertThat(c.command("RCPT TO:<" + localPart + "@acl.example>")).startsWith("250");
            assertThat(c.command("DATA")).startsWith("354");
            String last = c.content("Subject: " + localPart + "\r\n", 0);
            assertThat(last).startsWith(reply);
            c.command("QUIT");
            Matcher m = ID.matcher(last);
            return m.find() ? m.group(1) : null;
        }
    }

    private void startRemote(int port) throws Exception {
        Path dir = Files.createDirectories(home.resolve("remote"));
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = EximOracle.configure(dir, "primary_hostname = remote.example\nlocal_interfaces = 127.0.0.1\n"
                + "daemon_smtp_ports = " + port + "\ntls_advertise_hosts =\nlog_file_path = " + dir.resolve("spool") + "/%slog\n"
                + "acl_smtp_rcpt = rcpt\nbegin acl\nrcpt:\n  accept local_parts = good\n  deny message = Unknown user\n"
                + "begin routers\nr:\n  driver = accept\n  transport = t\n"
                + "begin transports\nt:\n  driver = appendfile\n  file = /dev/null\n");
        remote = new ProcessBuilder("/usr/sbin/exim4", "-C", conf.toString(), "-bdf")
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile()).start();
        for (int i = 0; i < 300; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        assumeTrue(false, "the exim4 daemon did not start");
    }

    private static void awaitLog(Path log, String text) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(Files.exists(log) ? Files.readString(log) : "").contains(text);
    }
}
