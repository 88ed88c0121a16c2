package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bad input against the running server: binary garbage, NUL bytes, an overlong command line,
 * pipelined junk, a client that disconnects in the middle of DATA, thousands of RCPTs, a
 * client that stops talking. Each gets Exim's reply or a clean close, nothing half-received is
 * delivered, and the server keeps serving (a normal message still arrives afterwards).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RobustnessIT {
    Path home;
    int port;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory("jexim-robust-it");
        Files.createDirectories(home.resolve("mail"));
        Path conf = home.resolve("configure");
        Files.writeString(conf, "primary_hostname = mx.example.com\n"
                + "spool_directory = " + home.resolve("spool") + "\n"
                + "log_file_path = " + home.resolve("log") + "/%slog\n"
                + "smtp_max_unknown_commands = 1000\nsmtp_max_synprot_errors = 1000\n"
                + "acl_smtp_rcpt = accept\n"
                + "begin routers\nbox:\n  driver = accept\n  transport = box\n"
                + "begin transports\nbox:\n  driver = appendfile\n  file = " + home.resolve("mail") + "/$local_part\n  create_file = " + home.resolve("mail") + "\n");
        port = Jexim.freePort();
        Jexim.Result started = Jexim.jexim("-C", conf.toString(), "-oX", Integer.toString(port), "-bd");
        assertThat(started.status()).as(started.output()).isZero();
    }

    @AfterAll
    void stop() throws Exception {
        Jexim.stop(home.resolve("spool"));
    }

    @Test
    void garbageAndNulsGetUnrecognizedAndTheSessionGoesOn() throws Exception {
        byte[] garbage = new byte[200];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (0x80 + i % 100);
        }
        String replies = session(concat("EHLO client.test\r\n".getBytes(StandardCharsets.ISO_8859_1), garbage,
                "\r\nFOO\0BAR\r\nNOOP\r\nQUIT\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(replies).contains("500 unrecognized command", "250 OK\r\n221 mx.example.com closing connection");
    }

    @Test
    void pipelinedJunkIsAnsweredInOrder() throws Exception {
        String replies = session(("EHLO client.test\r\nXYZZY\r\nRCPT TO:<a@b>\r\nMAIL FROM:<s@client.test>\r\n"
                + "MAIL FROM:<t@client.test>\r\nRSET\r\nQUIT\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(replies).containsSubsequence("500 unrecognized command", "503 sender not yet given", "250 OK",
                "503 sender already given", "250 Reset OK", "221 mx.example.com closing connection");
    }

    @Test
    void anOverlongLineDoesNotHurtTheServer() throws Exception {
        String replies = session(("EHLO client.test\r\nMAIL FROM:<" + "a".repeat(20_000) + "@b>\r\nQUIT\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(replies).startsWith("220 ");
        assertThat(normalMessageArrives("after-overlong")).isTrue();
    }

    @Test
    void aClientThatDisconnectsMidDataDeliversNothing() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("EHLO client.test\r\nMAIL FROM:<s@client.test>\r\nRCPT TO:<halfway@example.com>\r\nDATA\r\n"
                    + "Subject: never finished\r\n\r\nsome of the body\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(500);
        }
        assertThat(normalMessageArrives("after-disconnect")).isTrue();
        assertThat(home.resolve("mail/halfway")).doesNotExist();
    }

    @Test
    void twoThousandRecipientsAreAllAccepted() throws Exception {
        StringBuilder script = new StringBuilder("EHLO client.test\r\nMAIL FROM:<s@client.test>\r\n");
        for (int i = 0; i < 2000; i++) {
            script.append("RCPT TO:<many").append(i % 3).append("@example.com>\r\n");
        }
        script.append("DATA\r\nSubject: many\r\n\r\nbody\r\n.\r\nQUIT\r\n");
        String replies = session(script.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertThat(replies.split("250 Accepted", -1)).hasSize(2001);
        assertThat(replies).containsPattern("250 OK id=[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}");
    }

    @Test
    void aSilentClientDoesNotBlockOthers() throws Exception {
        try (Socket idle = new Socket("127.0.0.1", port)) {
            assertThat(normalMessageArrives("beside-idle")).isTrue();
        }
    }

    private boolean normalMessageArrives(String localPart) throws Exception {
        Jexim.Result swaks = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--helo", "client.test",
                "--from", "s@client.test", "--to", localPart + "@example.com"));
        Path box = home.resolve("mail/" + localPart);
        for (int i = 0; i < 300 && !Files.exists(box); i++) {
            Thread.sleep(100);
        }
        return swaks.output().contains("<-  250 OK id=") && Files.exists(box);
    }

    /** Writes {@code script} at once and reads every reply until the server closes. */
    private String session(byte[] script) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(script);
            s.getOutputStream().flush();
            ByteArrayOutputStream replies = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    replies.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // a server that stops answering or resets fails the assertions below
            }
            return replies.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
