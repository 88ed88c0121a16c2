package org.jexim.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jexim.testkit.Daemon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic {@code cmdline} and {@code sock} scanners: a scanner script the test writes
 * (it greps for the EICAR string) and a socket daemon the test runs; $malware_name as the name
 * expression extracts it, the same as exim4 -bh finds with the same av_scanner; a scanner that
 * hangs defers after tmo=.
 */
class GenericScannersTest {
    @TempDir
    Path dir;

    private static ScannedMessage message(String body) {
        return new ScannedMessage(("Subject: hi\n\n" + body + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private Path script(String body) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path s = dir.resolve("scan.sh");
        Files.writeString(s, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
        return s;
    }

    @Test
    void cmdlineFindsTheVirusAndItsName() throws Exception {
        Path s = script("if grep -rq 'EICAR-STANDARD-ANTIVIRUS' \"$1\"; then echo \"Virus 'Eicar-Test' found in file $1\"; "
                + "else echo clean; fi");
        String scanner = "cmdline:" + s + " %s:found in file:'(.+)'";
        ScannedMessage infected = message(Daemon.EICAR);
        assertThat(new ScanConditions().malware("*", scanner, infected)).isEqualTo(ScanOutcome.OK);
        assertThat(infected.variables()).containsEntry("malware_name", "Eicar-Test");
        assertThat(new ScanConditions().malware("*", scanner, message("hello"))).isEqualTo(ScanOutcome.FAIL);
        if (EximBh.available()) {
            Path eximDir = Files.createDirectories(dir.resolve("exim"));
            assertThat(EximBh.dataReply(eximDir, "av_scanner = " + scanner, "malware = *", "V=$malware_name"))
                    .isEqualTo("550 V=Eicar-Test");
        }
    }

    @Test
    void aHangingCmdlineScannerDefersAfterTheTimeout() throws Exception {
        Path s = script("sleep 30");
        ScannedMessage m = message(Daemon.EICAR);
        long start = System.nanoTime();
        assertThat(new ScanConditions().malware("* / tmo=1s", "cmdline:" + s + " %s:found:(.+)", m))
                .isEqualTo(ScanOutcome.DEFER);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        assertThat(m.lastError()).hasValueSatisfying(e -> assertThat(e).contains("timed out"));
        assertThat(new ScanConditions().malware("* / tmo=1s / defer_ok", "cmdline:" + s + " %s:found:(.+)", m))
                .isEqualTo(ScanOutcome.FAIL);
    }

    @Test
    void sockSendsTheCommandAndReadsTheReply() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket c = server.accept(); InputStream in = c.getInputStream()) {
                        // the command comes without a newline or end of input, as Exim sends it: one read
                        byte[] buf = new byte[4096];
                        int n = in.read(buf);
                        String file = new String(buf, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1).strip();
                        boolean bad = Files.readString(Path.of(file), StandardCharsets.ISO_8859_1).contains("EICAR-STANDARD");
                        c.getOutputStream().write((bad ? "VIRUS Eicar-Sock\n" : "OK\n").getBytes(StandardCharsets.US_ASCII));
                    } catch (Exception e) {
                        // next connection
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            String scanner = "sock:127.0.0.1 " + server.getLocalPort() + ":%s:VIRUS:VIRUS (.+)$";
            ScannedMessage infected = message(Daemon.EICAR);
            assertThat(new ScanConditions().malware("Eicar", scanner, infected)).isEqualTo(ScanOutcome.OK);
            assertThat(infected.variables()).containsEntry("malware_name", "Eicar-Sock");
            assertThat(new ScanConditions().malware("*", scanner, message("hello"))).isEqualTo(ScanOutcome.FAIL);
            if (EximBh.available()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                Path eximDir = Files.createDirectories(dir.resolve("exim"));
                assertThat(EximBh.dataReply(eximDir, "av_scanner = " + scanner, "malware = *", "V=$malware_name"))
                        .isEqualTo("550 V=Eicar-Sock");
            }
        }
    }
}
