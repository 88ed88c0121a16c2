package org.jexim.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jexim.dns.DnsClient;
import org.jexim.dns.DnsSettings;
import org.jexim.testkit.EximOracle;
import org.jexim.testkit.LoopbackDnsServer;
import org.jexim.testkit.SmtpSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DKIM with a real peer: exim4 signs a message in its smtp transport (dkim_domain,
 * dkim_selector, dkim_private_key) and sends it to a sink; jexim verifies what arrived, and
 * exim4 -bh verifies the same bytes with an {@code acl_smtp_dkim}: both must report the same
 * signer, status, reason and details, for the message as sent and with its body changed.
 */
class DkimEximTest {
    @TempDir
    static Path dir;
    static LoopbackDnsServer dns;
    static KeyPair key;
    static boolean withEximDns;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(EximOracle.available(), "exim4 is not installed");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        key = g.generateKeyPair();
        withEximDns = EximOracle.canUseTestDns();
        Map<String, String> zones = Map.of("example.com.", DkimVerifierEngineTest.zone(key));
        dns = withEximDns ? new LoopbackDnsServer(zones, dir, "127.0.0.155", 53) : new LoopbackDnsServer(zones, dir);
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    /** exim4 -odi signs and delivers to the sink; returns what the sink received. */
    private static String signedByExim() throws Exception {
        Path d = Files.createTempDirectory(dir, "signer");
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path pem = d.resolve("key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(pem, PosixFilePermissions.fromString("rw-r--r--"));
        try (SmtpSink sink = new SmtpSink()) {
            Path conf = EximOracle.configure(d, "primary_hostname = signer.example.com\nbegin routers\nout:\n"
                    + "  driver = manualroute\n  route_list = * 127.0.0.1\n  self = send\n  transport = t\n"
                    + "begin transports\nt:\n  driver = smtp\n  port = " + sink.port() + "\n  allow_localhost\n"
                    + "  dkim_domain = example.com\n  dkim_selector = sel\n  dkim_private_key = " + pem + "\n"
                    + "  dkim_canon = relaxed\n");
            EximOracle.run(conf, null, "From: Alice <alice@example.com>\nTo: bob@example.net\nSubject: hello\n\n"
                    + "Hello Bob,\n.leading dot\nsigned by exim.\n", "-odi", "-f", "alice@example.com", "bob@example.net");
            String got = sink.next(30);
            assertThat(got).as("exim4 delivered to the sink").isNotNull().startsWith("DKIM-Signature: v=1;");
            return got;
        }
    }

    private static final String SIGNERS = "other.example:";
    private static final String FORMAT_VARS = "dkim_cur_signer dkim_verify_status dkim_verify_reason dkim_domain "
            + "dkim_selector dkim_algo dkim_canon_headers dkim_key_length";

    private static String jexim(String message) throws Exception {
        DkimVerification v = new DkimVerifierEngine(new DnsClient(DnsSettings.servers(dns.servers())))
                .verify(message.getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder out = new StringBuilder("550 D=");
        for (DkimVerification.Run r : v.runs(SIGNERS + v.signers())) {
            out.append('[');
            List<String> values = new java.util.ArrayList<>();
            for (String name : FORMAT_VARS.split(" ")) {
                values.add(r.variables().getOrDefault(name, ""));
            }
            out.append(String.join(" ", values)).append(']');
        }
        return out.toString();
    }

    private static String exim(String message) throws Exception {
        Path d = Files.createTempDirectory(dir, "verifier");
        StringBuilder vars = new StringBuilder();
        for (String name : FORMAT_VARS.split(" ")) {
            vars.append(vars.length() == 0 ? "" : " ").append('$').append(name);
        }
        Path conf = EximOracle.configure(d, "primary_hostname = mx.test\ndkim_verify_signers = " + SIGNERS + "$dkim_signers\n"
                + "acl_smtp_rcpt = acl_rcpt\nacl_smtp_dkim = acl_dkim\nacl_smtp_data = acl_data\nbegin acl\n"
                + "acl_rcpt:\n  accept\nacl_dkim:\n  warn set acl_m_d = $acl_m_d[" + vars + "]\n  accept\n"
                + "acl_data:\n  deny message = D=$acl_m_d\n");
        StringBuilder data = new StringBuilder();
        for (String line : message.split("\r\n", -1)) {
            data.append(line.startsWith(".") ? "." + line : line).append("\r\n");
        }
        String out = EximOracle.run(conf, dns, "EHLO signer.example.com\r\nMAIL FROM:<alice@example.com>\r\n"
                + "RCPT TO:<bob@example.net>\r\nDATA\r\n" + data.substring(0, data.length() - 2) + ".\r\nQUIT\r\n",
                "-bh", "192.0.2.1");
        return EximOracle.unfoldedReplies(out).stream().filter(r -> r.startsWith("550")).findFirst()
                .orElse("no 550 in " + out);
    }

    @Test
    void aMessageSignedByEximPassesInJeximAndExim() throws Exception {
        String signed = signedByExim();
        String jexim = jexim(signed);
        assertThat(jexim).isEqualTo("550 D=[other.example none      0][example.com pass  example.com sel rsa-sha256 relaxed 2048]");
        if (withEximDns) {
            assertThat(exim(signed)).isEqualTo(jexim);
        }
    }

    @Test
    void aTamperedMessageFailsAlikeInJeximAndExim() throws Exception {
        String tampered = signedByExim().replace("Hello Bob,", "Hello Eve,");
        String jexim = jexim(tampered);
        assertThat(jexim).isEqualTo("550 D=[other.example none      0][example.com fail bodyhash_mismatch example.com sel rsa-sha256 relaxed 0]");
        if (withEximDns) {
            assertThat(exim(tampered)).isEqualTo(jexim);
        }
    }
}
