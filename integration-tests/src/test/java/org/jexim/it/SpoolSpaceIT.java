package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A full spool disk loses nothing (issue 9): the spool is a small tmpfs the test mounts (so it
 * needs root, as CI has). With Exim's default check_spool_space (10M) MAIL gets
 * "452 Space shortage, please try later" once the spool runs short, with Exim's main log line;
 * with the checks off, the disk fills during DATA and the final dot gets
 * "451 Error while writing spool file". Every message answered 250 is whole on the spool.
 */
class SpoolSpaceIT {
    private static final Pattern ID = Pattern.compile("^250 OK id=(\\S+)$");
    Path home;
    Path spool;
    boolean mounted;

    void start(String checks) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        home = Files.createTempDirectory("jexim-spoolspace");
        spool = Files.createDirectories(home.resolve("spool"));
        Jexim.Result mount = Jexim.run(List.of("mount", "-t", "tmpfs", "-o", "size=14m", "tmpfs", spool.toString()));
        assertThat(mount.status()).as(mount.output()).isZero();
        mounted = true;
        Path conf = home.resolve("configure");
        // messages stay on the spool: the only router defers them
        Files.writeString(conf, "primary_hostname = space.example\n"
                + "spool_directory = " + spool + "\nlog_file_path = " + home.resolve("log") + "/%slog\n"
                + checks + "acl_smtp_rcpt = accept\n"
                + "begin routers\nhold:\n  driver = redirect\n  allow_defer\n  data = :defer: held for the test\n"
                + "begin retry\n*  *  F,1d,1h\n");
        int port = Jexim.freePort();
        Jexim.Result started = Jexim.jexim("-C", conf.toString(), "-oX", Integer.toString(port), "-bd");
        assertThat(started.status()).as(started.output()).isZero();
        this.port = port;
    }

    int port;

    @AfterEach
    void stop() throws Exception {
        if (spool != null) {
            Jexim.stop(spool);
        }
        if (mounted) {
            Jexim.run(List.of("umount", "-l", spool.toString()));
        }
    }

    @Test
    void mailIsRefusedWith452WhenTheSpoolIsShortAndNothingAcceptedIsLost() throws Exception {
        start("");
        List<String> accepted = new ArrayList<>();
        String refusal = null;
        for (int i = 0; i < 40 && refusal == null; i++) {
            try (SmtpClient c = new SmtpClient(port)) {
                c.command("EHLO client.example");
                String mail = c.command("MAIL FROM:<s@client.example>");
                if (!mail.startsWith("250")) {
                    refusal = mail;
                    break;
                }
                assertThat(c.command("RCPT TO:<r@space.example>")).startsWith("250");
                assertThat(c.command("DATA")).startsWith("354");
                String end = c.content("Subject: " + i + "\r\n", 512 * 1024);
                Matcher m = ID.matcher(end);
                assertThat(m.matches()).as(end).isTrue();
                accepted.add(m.group(1));
            }
        }
        assertThat(refusal).isEqualTo("452 Space shortage, please try later");
        assertThat(Files.readString(home.resolve("log/mainlog")))
                .containsPattern("spool directory space check failed: space=[0-9]+ inodes=[0-9]+");
        assertWholeOnTheSpool(accepted, 512 * 1024);
    }

    @Test
    void aDiskThatFillsDuringDataGets451AndNothingAcceptedIsLost() throws Exception {
        start("check_spool_space = 0\ncheck_spool_inodes = 0\ncheck_log_space = 0\ncheck_log_inodes = 0\n");
        List<String> accepted = new ArrayList<>();
        String refusal = null;
        for (int i = 0; i < 40 && refusal == null; i++) {
            try (SmtpClient c = new SmtpClient(port)) {
                c.command("EHLO client.example");
                assertThat(c.command("MAIL FROM:<s@client.example>")).startsWith("250");
                assertThat(c.command("RCPT TO:<r@space.example>")).startsWith("250");
                assertThat(c.command("DATA")).startsWith("354");
                String end = c.content("Subject: " + i + "\r\n", 1024 * 1024);
                Matcher m = ID.matcher(end);
                if (m.matches()) {
                    accepted.add(m.group(1));
                } else {
                    refusal = end;
                }
            }
        }
        assertThat(refusal).isEqualTo("451 Error while writing spool file");
        assertThat(Files.readString(home.resolve("log/mainlog"))).containsPattern(
                "Message abandoned: Spool write error \\(No space left on device\\) while receiving message from "
                        + "\\(client.example\\) \\[127.0.0.1\\]");
        assertWholeOnTheSpool(accepted, 1024 * 1024);
    }

    /** Each id has its -H file and a -D file holding the whole body. */
    private void assertWholeOnTheSpool(List<String> ids, long bodyBytes) throws Exception {
        assertThat(ids).isNotEmpty();
        List<Path> files;
        try (Stream<Path> s = Files.walk(spool.resolve("input"))) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (String id : ids) {
            assertThat(files).as(id).anyMatch(p -> p.getFileName().toString().equals(id + "-H"));
            Path data = files.stream().filter(p -> p.getFileName().toString().equals(id + "-D")).findFirst().orElseThrow();
            // the -D file: its id line, then the body with LF endings (78 x's and a newline a line)
            long lines = (bodyBytes + 79) / 80;
            assertThat(Files.size(data)).as(id).isEqualTo((id + "-D\n").length() + lines * 79);
        }
    }
}
