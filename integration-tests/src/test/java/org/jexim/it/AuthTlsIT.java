package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * AUTH and TLS on the running server with real clients: swaks (STARTTLS, TLS on connect, PLAIN,
 * LOGIN, CRAM-MD5), Jakarta Mail (STARTTLS and SMTPS with AUTH), openssl s_client; the EHLO list
 * before TLS equals exim4 -bh's on the same configure (LOGIN is advertised only under TLS, by
 * server_advertise_condition), and the delivered message carries Exim's Received: header with
 * esmtpsa and the cipher, the {@code <=} line A=, X= and P=esmtpsa.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthTlsIT {
    Path home;
    Path conf;
    int port;
    int tlsPort;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory("jexim-auth-it");
        Files.createDirectories(home.resolve("mail"));
        Jexim.Result cert = Jexim.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", home.resolve("key.pem").toString(), "-out", home.resolve("cert.pem").toString(),
                "-days", "30", "-subj", "/CN=mx.example.com"));
        assertThat(cert.status()).as(cert.output()).isZero();
        port = Jexim.freePort();
        tlsPort = Jexim.freePort();
        conf = home.resolve("configure");
        Files.writeString(conf, configure(home, port, tlsPort));
        Jexim.Result started = Jexim.jexim("-C", conf.toString(), "-bd");
        assertThat(started.status()).as(started.output()).isZero();
    }

    static String configure(Path home, int port, int tlsPort) {
        return "primary_hostname = mx.example.com\n"
                + "spool_directory = " + home.resolve("spool") + "\n"
                + "log_file_path = " + home.resolve("log") + "/%slog\n"
                + "daemon_smtp_ports = " + port + " : " + tlsPort + "\n"
                + "tls_on_connect_ports = " + tlsPort + "\n"
                + "tls_certificate = " + home.resolve("cert.pem") + "\n"
                + "tls_privatekey = " + home.resolve("key.pem") + "\n"
                + "smtputf8_advertise_hosts =\n"
                + "acl_smtp_rcpt = check_rcpt\n"
                + "begin acl\ncheck_rcpt:\n  accept authenticated = *\n  deny message = relay not permitted\n"
                + "begin routers\nbox:\n  driver = accept\n  transport = box\n"
                + "begin transports\nbox:\n  driver = appendfile\n  file = " + home.resolve("mail") + "/$local_part\n  create_file = " + home.resolve("mail") + "\n"
                + "begin authenticators\n"
                + "PLAIN:\n  driver = plaintext\n  public_name = PLAIN\n  server_prompts = :\n"
                + "  server_condition = ${if and {{eq{$auth2}{user}}{eq{$auth3}{secret}}}}\n  server_set_id = $auth2\n"
                + "LOGIN:\n  driver = plaintext\n  public_name = LOGIN\n  server_advertise_condition = ${if def:tls_in_cipher}\n"
                + "  server_prompts = Username:: : Password::\n"
                + "  server_condition = ${if and {{eq{$auth1}{user}}{eq{$auth2}{secret}}}}\n  server_set_id = $auth1\n"
                + "CRAM:\n  driver = cram_md5\n  public_name = CRAM-MD5\n"
                + "  server_secret = ${if eq{$auth1}{user}{secret}fail}\n  server_set_id = $auth1\n";
    }

    @AfterAll
    void stop() throws Exception {
        Jexim.stop(home.resolve("spool"));
    }

    @Test
    void ehloBeforeTlsIsEximsAndLoginAppearsOnlyUnderTls() throws Exception {
        List<String> jexim = dialogue("EHLO client.test\r\nQUIT\r\n");
        List<String> exim = Jexim.run(List.of("sh", "-c", "printf 'EHLO client.test\\r\\nQUIT\\r\\n' | /usr/sbin/exim4 -C "
                + conf + " -bh 127.0.0.1 2>/dev/null")).output().lines()
                .filter(l -> !l.startsWith("****") && !l.isBlank() && !l.startsWith("220 ")).toList();
        assertThat(jexim.subList(1, jexim.size())).isEqualTo(exim);
        assertThat(jexim).contains("250-AUTH PLAIN CRAM-MD5", "250-STARTTLS");
        Jexim.Result swaks = swaks("--tls", "--quit-after", "EHLO");
        assertThat(swaks.output()).contains("<-  220 TLS go ahead", "<~  250-AUTH PLAIN LOGIN CRAM-MD5")
                .doesNotContain("<~  250-STARTTLS");
    }

    @Test
    void swaksAuthenticatesWithEachMechanismAndTheMessageCarriesEximsReceivedHeader() throws Exception {
        Jexim.Result login = swaks("--tls", "--auth", "LOGIN", "--auth-user", "user", "--auth-password", "secret",
                "--to", "login@example.com");
        assertThat(login.output()).contains("<~  334 VXNlcm5hbWU6", "<~  334 UGFzc3dvcmQ6", "<~  235 Authentication succeeded")
                .containsPattern("<~  250 OK id=[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}");
        Jexim.Result cram = swaks("--auth", "CRAM-MD5", "--auth-user", "user", "--auth-password", "secret",
                "--to", "cram@example.com");
        assertThat(cram.output()).contains("<-  235 Authentication succeeded").containsPattern("<-  250 OK id=");
        Jexim.Result bad = swaks("--auth", "PLAIN", "--auth-user", "user", "--auth-password", "wrong",
                "--to", "bad@example.com");
        assertThat(bad.output()).contains("<** 535 Incorrect authentication data");
        String box = waitForFile(home.resolve("mail/login"));
        assertThat(box).containsPattern("Received: from \\[127\\.0\\.0\\.1\\] \\(helo=client\\.test\\)\n"
                + "\tby mx\\.example\\.com with esmtpsa  \\(TLS1\\.[23]\\) tls TLS_\\S+\n\t\\(Exim 4\\.96\\)\n"
                + "\t\\(envelope-from <s@client\\.test>\\)\n\tid [0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}\n"
                + "\tfor login@example\\.com;\n\t[A-Z][a-z]{2}, ");
        assertThat(waitForFile(home.resolve("mail/cram"))).contains("\tby mx.example.com with esmtpa (Exim 4.96)\n");
        String mainlog = Files.readString(home.resolve("log/mainlog"));
        assertThat(mainlog).containsPattern("<= s@client\\.test H=\\(client\\.test\\) \\[127\\.0\\.0\\.1\\] P=esmtpsa "
                        + "X=TLS1\\.[23]:TLS_\\S+:(128|256) CV=no A=LOGIN:user S=")
                .containsPattern("<= s@client\\.test H=\\(client\\.test\\) \\[127\\.0\\.0\\.1\\] P=esmtpa A=CRAM:user S=")
                .contains("PLAIN authenticator failed for (client.test) [127.0.0.1]: 535 Incorrect authentication data (set_id=user)");
    }

    @Test
    void tlsOnConnectPortTakesSwaksAndOpenssl() throws Exception {
        Jexim.Result smtps = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + tlsPort, "--tlsc", "--helo", "client.test",
                "--from", "s@client.test", "--to", "smtps@example.com", "--auth", "PLAIN", "--auth-user", "user",
                "--auth-password", "secret"));
        assertThat(smtps.output()).contains("<~  220 mx.example.com ESMTP Exim 4.96", "<~  235 Authentication succeeded")
                .containsPattern("<~  250 OK id=").doesNotContain("250-STARTTLS");
        Jexim.Result openssl = Jexim.run(List.of("sh", "-c", "printf 'QUIT\\r\\n' | timeout 20 openssl s_client -quiet -connect 127.0.0.1:"
                + tlsPort + " 2>/dev/null"));
        assertThat(openssl.output()).contains("220 mx.example.com ESMTP Exim 4.96", "221 mx.example.com closing connection");
    }

    @Test
    void jakartaMailSendsWithStartTlsAndWithSmtps() throws Exception {
        send(props("smtp", port, true), "jakarta@example.com", "secret");
        send(props("smtps", tlsPort, false), "jakarta-smtps@example.com", "secret");
        assertThat(waitForFile(home.resolve("mail/jakarta"))).contains("Subject: from Jakarta Mail")
                .containsPattern("with esmtpsa  \\(TLS1\\.[23]\\)");
        assertThat(waitForFile(home.resolve("mail/jakarta-smtps"))).contains("Subject: from Jakarta Mail");
        assertThatThrownBy(() -> send(props("smtp", port, true), "never@example.com", "wrong"))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("535 Incorrect authentication data");
    }

    private static Properties props(String protocol, int port, boolean startTls) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", "127.0.0.1");
        p.put("mail." + protocol + ".port", Integer.toString(port));
        p.put("mail." + protocol + ".auth", "true");
        p.put("mail." + protocol + ".localhost", "jakarta.test");
        p.put("mail." + protocol + ".ssl.trust", "*");
        p.put("mail." + protocol + ".ssl.checkserveridentity", "false"); // the test certificate names mx.example.com
        if (startTls) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        return p;
    }

    private static void send(Properties props, String to, String password) throws Exception {
        Session session = Session.getInstance(props);
        // parsed from bytes: javax.mail's mailcap (from James) must not pick Jakarta's content handlers
        MimeMessage message = new MimeMessage(session, new java.io.ByteArrayInputStream(("From: app@client.test\r\n"
                + "To: " + to + "\r\nSubject: from Jakarta Mail\r\n\r\nhello\r\n").getBytes(StandardCharsets.US_ASCII)));
        try (Transport transport = session.getTransport()) {
            transport.connect("user", password);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private Jexim.Result swaks(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("swaks", "--server", "127.0.0.1:" + port, "--helo", "client.test",
                "--from", "s@client.test"));
        command.addAll(List.of(args));
        if (!command.contains("--to")) {
            command.addAll(List.of("--to", "x@example.com"));
        }
        return Jexim.run(command);
    }

    /** The server's reply lines to a script sent over plain TCP. */
    private List<String> dialogue(String script) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.ISO_8859_1);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            out.print(script);
            out.flush();
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
            return lines;
        }
    }

    private static String waitForFile(Path file) throws Exception {
        for (int i = 0; i < 300 && !Files.exists(file); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(200);
        return Files.readString(file, StandardCharsets.ISO_8859_1);
    }
}
