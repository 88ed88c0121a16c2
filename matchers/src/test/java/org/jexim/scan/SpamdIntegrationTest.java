package org.jexim.scan;

import org.jexim.testkit.Daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spam} against a real spamd (Debian's spamd package) on loopback, with local rules only. */
class SpamdIntegrationTest {
    private static final Path SPAMD = Path.of("/usr/sbin/spamd");
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    @TempDir
    static Path dir;
    static Daemon spamd;
    static int port;
    static Path socket;

    @BeforeAll
    static void startSpamd() throws Exception {
        assumeTrue(Files.isExecutable(SPAMD), "spamd is not installed");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path site = Files.createDirectories(dir.resolve("site"));
        // the plugin loaders Debian keeps in /etc/spamassassin; v320.pre's Check plugin is required
        Path etc = Path.of("/etc/spamassassin");
        if (Files.isDirectory(etc)) {
            try (var pre = Files.newDirectoryStream(etc, "*.pre")) {
                for (Path p : pre) {
                    Files.copy(p, site.resolve(p.getFileName()));
                }
            }
        } else {
            Files.writeString(site.resolve("v320.pre"), "loadplugin Mail::SpamAssassin::Plugin::Check\n");
        }
        Files.writeString(site.resolve("local.cf"), "use_bayes 0\nskip_rbl_checks 1\nbayes_auto_learn 0\n");
        port = Daemon.freePort();
        socket = dir.resolve("spamd.sock");
        List<String> cmd = new ArrayList<>(List.of(SPAMD.toString(), "-L", "-x", "--configpath=/usr/share/spamassassin",
                "--siteconfigpath=" + site, "--listen=127.0.0.1:" + port, "--listen=" + socket, "-m", "1",
                "--min-spare=1", "--max-spare=1", "-s", "stderr", "--pidfile=" + dir.resolve("spamd.pid")));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("-u", "nobody", "--socketmode=0666"));
        }
        spamd = Daemon.start(cmd, dir.resolve("spamd.log"));
        spamd.awaitReady(port, socket, 90);
    }

    @AfterAll
    static void stopSpamd() throws Exception {
        if (spamd != null) {
            spamd.close();
        }
    }

    private static ScannedMessage message(String body) {
        String m = "Received: from client.example ([192.0.2.1]) by mx.example with esmtp; Sun, 22 Nov 2026 04:00:00 +0000\n"
                + "Message-ID: <1@client.example>\nDate: Sun, 22 Nov 2026 04:00:00 +0000\n"
                + "From: Alice <alice@client.example>\nTo: bob@mx.example\nSubject: lunch\n\n" + body + "\n";
        return new ScannedMessage(m.getBytes(StandardCharsets.US_ASCII));
    }

    private final ScanConditions conditions = new ScanConditions();

    @Test
    void gtubeIsSpamOverTcp() {
        ScannedMessage msg = message(GTUBE);
        assertThat(conditions.spam("nobody", "127.0.0.1 " + port, msg)).isEqualTo(ScanOutcome.OK);
        var vars = msg.variables();
        assertThat(vars.get("spam_action")).isEqualTo("reject");
        assertThat(Integer.parseInt(vars.get("spam_score_int"))).isGreaterThanOrEqualTo(10000);
        assertThat(vars.get("spam_score")).matches("1\\d\\d\\d\\.\\d");
        assertThat(vars.get("spam_bar")).isEqualTo("+".repeat(51));
        assertThat(vars.get("spam_report")).startsWith("Spam detection software").contains("\n 1000 GTUBE ")
                .doesNotContain("\r").doesNotEndWith(" ");
    }

    @Test
    void hamIsNotSpamOverUnixSocketAndTrueMakesItTrue() {
        ScannedMessage msg = message("Shall we meet for lunch at noon on Tuesday?");
        assertThat(conditions.spam("nobody", socket.toString(), msg)).isEqualTo(ScanOutcome.FAIL);
        assertThat(msg.variables().get("spam_action")).isEqualTo("no action");
        assertThat(Double.parseDouble(msg.variables().get("spam_score"))).isLessThan(5.0);
        assertThat(conditions.spam("nobody:true", socket.toString(), msg)).isEqualTo(ScanOutcome.OK);
    }

    @Test
    void aDeadServerInTheListIsSkipped() throws Exception {
        ScannedMessage msg = message(GTUBE);
        String address = "127.0.0.1 " + Daemon.freePort() + " pri=9 : 127.0.0.1 " + port + " pri=1";
        assertThat(conditions.spam("nobody", address, msg)).isEqualTo(ScanOutcome.OK);
    }
}
