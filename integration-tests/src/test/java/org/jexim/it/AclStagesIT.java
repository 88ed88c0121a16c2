package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The daemon runs acl_smtp_notquit when a connection ends without QUIT ($smtp_notquit_reason
 * connection-lost / acl-drop, its logwrite in the main log, nothing after a QUIT),
 * acl_smtp_mailauth for MAIL's AUTH= ("ignoring AUTH=..." when it denies) and
 * acl_smtp_starttls before the handshake (its refusal is the reply), as exim4 does.
 */
class AclStagesIT {
    Path home;

    @AfterEach
    void stop() throws Exception {
        if (home != null) {
            Jexim.stop(home.resolve("spool"));
        }
    }

    @Test
    void notquitMailauthAndStarttlsAclsRunInTheDaemon() throws Exception {
        home = Files.createTempDirectory("jexim-aclstages");
        Path conf = home.resolve("configure");
        Files.writeString(conf, "primary_hostname = acl.example\n"
                + "spool_directory = " + home.resolve("spool") + "\nlog_file_path = " + home.resolve("log") + "/%slog\n"
                + "acl_smtp_notquit = check_notquit\nacl_smtp_mailauth = check_mailauth\n"
                + "acl_smtp_starttls = check_starttls\nacl_smtp_rcpt = check_rcpt\n"
                + "begin acl\n"
                + "check_notquit:\n  accept logwrite = NOTQUIT $smtp_notquit_reason from $sender_host_address\n"
                + "check_mailauth:\n  deny\n"
                + "check_starttls:\n  deny message = no TLS for you\n"
                + "check_rcpt:\n  drop local_parts = dropme\n  accept\n");
        int port = Jexim.freePort();
        Jexim.Result started = Jexim.jexim("-C", conf.toString(), "-oX", Integer.toString(port), "-bd");
        assertThat(started.status()).as(started.output()).isZero();
        Path mainlog = home.resolve("log/mainlog");

        try (SmtpClient c = new SmtpClient(port)) {
            c.command("EHLO client.example");
            assertThat(c.command("STARTTLS")).isEqualTo("550 no TLS for you");
            assertThat(c.command("MAIL FROM:<s@client.example> AUTH=<x@client.example>")).startsWith("250");
            // the client goes away without QUIT
        }
        awaitLog(mainlog, "NOTQUIT connection-lost from 127.0.0.1");
        assertThat(Files.readString(mainlog)).contains(
                "ignoring AUTH=<x@client.example> from H=(client.example) [127.0.0.1] (rejected by ACL)");

        try (SmtpClient c = new SmtpClient(port)) {
            c.command("EHLO client.example");
            c.command("MAIL FROM:<s@client.example>");
            assertThat(c.command("RCPT TO:<dropme@acl.example>")).startsWith("550");
        }
        awaitLog(mainlog, "NOTQUIT acl-drop from 127.0.0.1");

        assertThat(Files.readString(mainlog)).doesNotContain("rejected MAILAUTH");

        int before = Files.readString(mainlog).split("NOTQUIT", -1).length;
        try (SmtpClient c = new SmtpClient(port)) {
            c.command("EHLO client.example");
            assertThat(c.command("QUIT")).startsWith("221");
        }
        Thread.sleep(1000);
        assertThat(Files.readString(mainlog).split("NOTQUIT", -1)).as("no NOTQUIT line after a QUIT").hasSize(before);
    }

    private static void awaitLog(Path log, String text) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(Files.exists(log) ? Files.readString(log) : "").contains(text);
    }
}
