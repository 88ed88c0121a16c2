package org.jexim.scan;

import org.jexim.testkit.Daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code malware} against a real clamd (Debian's clamav-daemon) with a signature database the test writes. */
class ClamdIntegrationTest {
    private static final Path CLAMD = Path.of("/usr/sbin/clamd");
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    @TempDir
    static Path dir;
    static Daemon clamd;
    static int port;
    static Path socket;

    @BeforeAll
    static void startClamd() throws Exception {
        assumeTrue(Files.isExecutable(CLAMD), "clamd is not installed");
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve("jexim.ndb"), "Eicar-Test-Signature:0:*:"
                + HexFormat.of().formatHex(EICAR.getBytes(StandardCharsets.US_ASCII)) + "\n");
        port = Daemon.freePort();
        socket = dir.resolve("clamd.sock");
        Path conf = dir.resolve("clamd.conf");
        Files.writeString(conf, "DatabaseDirectory " + db + "\nLocalSocket " + socket + "\nTCPSocket " + port
                + "\nTCPAddr 127.0.0.1\nForeground yes\nLogFile " + dir.resolve("clamd.log") + "\nPidFile "
                + dir.resolve("clamd.pid") + "\nUser " + System.getProperty("user.name") + "\n");
        clamd = Daemon.start(List.of(CLAMD.toString(), "-c", conf.toString()), dir.resolve("clamd.out"));
        clamd.awaitReady(port, socket, 90);
    }

    @AfterAll
    static void stopClamd() throws Exception {
        if (clamd != null) {
            clamd.close();
        }
    }

    static ScannedMessage message(String body) {
        String m = "From: alice@client.example\nTo: bob@mx.example\nSubject: file\n\n" + body + "\n";
        return new ScannedMessage(m.getBytes(StandardCharsets.US_ASCII));
    }

    private final ScanConditions conditions = new ScanConditions();

    @Test
    void eicarIsFoundOverTcp() {
        ScannedMessage msg = message(EICAR);
        assertThat(conditions.malware("*", "clamd:127.0.0.1 " + port, msg)).isEqualTo(ScanOutcome.OK);
        assertThat(msg.variables()).containsEntry("malware_name", "Eicar-Test-Signature.UNOFFICIAL");
    }

    @Test
    void eicarIsFoundOverTheUnixSocketAndMatchedByRegex() {
        ScannedMessage msg = message(EICAR);
        assertThat(conditions.malware("^Eicar-", "clamd:" + socket, msg)).isEqualTo(ScanOutcome.OK);
        assertThat(conditions.malware("Worm", "clamd:" + socket, msg)).isEqualTo(ScanOutcome.FAIL);
        assertThat(msg.variables()).containsEntry("malware_name", "Eicar-Test-Signature.UNOFFICIAL");
    }

    @Test
    void aCleanMessageIsNotMalware() {
        ScannedMessage msg = message("just text");
        assertThat(conditions.malware("* / defer_ok / tmo=10s", "clamd:127.0.0.1 " + port, msg))
                .isEqualTo(ScanOutcome.FAIL);
        assertThat(msg.variables()).doesNotContainKey("malware_name");
    }

    @Test
    void eximFindsTheSameVirusNameOnTheSameClamd(@TempDir Path eximDir) throws Exception {
        assumeTrue(EximBh.available(), "exim4 is not installed");
        String exim = EximBh.dataReply(eximDir, "av_scanner = clamd:127.0.0.1 " + port, "malware = *",
                "virus $malware_name");
        ScannedMessage msg = message(EICAR);
        assertThat(conditions.malware("*", "clamd:127.0.0.1 " + port, msg)).isEqualTo(ScanOutcome.OK);
        assertThat("550 virus " + msg.variables().get("malware_name")).isEqualTo(exim);
    }

    @Test
    void aDeadServerInTheListIsSkipped() throws Exception {
        ScannedMessage msg = message(EICAR);
        String scanner = "clamd:127.0.0.1 " + Daemon.freePort() + " : 127.0.0.1 " + port;
        assertThat(conditions.malware("*", scanner, msg)).isEqualTo(ScanOutcome.OK);
    }
}
