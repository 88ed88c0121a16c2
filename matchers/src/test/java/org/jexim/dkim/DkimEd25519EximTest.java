package org.jexim.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.DKIMSigner;
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
 * ed25519-sha256 DKIM signatures (RFC 8463), which jDKIM cannot verify: exim4 signs a message
 * with an Ed25519 key in its smtp transport (a real signer, to an SMTP sink); jexim and
 * {@code exim4 -bh} verify the same bytes against the same key records (bare 32-byte key, the
 * DER form Exim also accepts, a key that is not a key) and must report the same DKIM ACL
 * variables; tampered copies fail as in Exim. Also pubkey_der_syntax (well-formed record,
 * unusable key bytes) against pubkey_dns_syntax for RSA.
 */
class DkimEd25519EximTest {
    private static final String VARS = "dkim_cur_signer dkim_verify_status dkim_verify_reason dkim_selector dkim_algo "
            + "dkim_canon_headers dkim_key_length";

    @TempDir
    static Path dir;
    static LoopbackDnsServer dns;
    static KeyPair ed;
    static KeyPair rsa;
    static boolean withEximDns;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(EximOracle.available(), "exim4 is not installed");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        rsa = g.generateKeyPair();
        byte[] spki = ed.getPublic().getEncoded();
        String bare = Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        String der = Base64.getEncoder().encodeToString(spki);
        withEximDns = EximOracle.canUseTestDns();
        String zone = String.join("\n", "$TTL 300", "@ IN SOA ns.example.com. h.example.com. 1 3600 600 86400 300",
                "@ IN NS ns.example.com.",
                "ed._domainkey IN TXT \"v=DKIM1; k=ed25519; p=" + bare + "\"",
                "der._domainkey IN TXT \"v=DKIM1; k=ed25519; p=" + der + "\"",
                "short._domainkey IN TXT \"v=DKIM1; k=ed25519; p=AAAA\"",
                "rsaderbad._domainkey IN TXT \"v=DKIM1; k=rsa; p=AAAA\"",
                "rsanotb64._domainkey IN TXT \"v=DKIM1; k=rsa; p=AAAAnotakey\"",
                "rsaempty._domainkey IN TXT \"v=DKIM1; k=rsa; p=\"",
                "");
        dns = withEximDns ? new LoopbackDnsServer(Map.of("example.com.", zone), dir, "127.0.0.160", 53)
                : new LoopbackDnsServer(Map.of("example.com.", zone), dir);
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    /** exim4 -odi signs with the Ed25519 key (selector {@code selector}) and delivers to the sink. */
    private static String signedByExim(String selector) throws Exception {
        Path d = Files.createTempDirectory(dir, "signer");
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path pem = d.resolve("ed.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ed.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(pem, PosixFilePermissions.fromString("rw-r--r--"));
        try (SmtpSink sink = new SmtpSink()) {
            Path conf = EximOracle.configure(d, "primary_hostname = signer.example.com\nbegin routers\nout:\n"
                    + "  driver = manualroute\n  route_list = * 127.0.0.1\n  self = send\n  transport = t\n"
                    + "begin transports\nt:\n  driver = smtp\n  port = " + sink.port() + "\n  allow_localhost\n"
                    + "  dkim_domain = example.com\n  dkim_selector = " + selector + "\n  dkim_private_key = " + pem + "\n"
                    + "  dkim_canon = relaxed\n");
            EximOracle.run(conf, null, "From: Alice <alice@example.com>\nTo: bob@example.net\nSubject: ed25519\n\n"
                    + "Hello Bob,\nsigned with Ed25519 by exim.\n", "-odi", "-f", "alice@example.com", "bob@example.net");
            String got = sink.next(30);
            assertThat(got).as("exim4 delivered to the sink").isNotNull().startsWith("DKIM-Signature: v=1; a=ed25519-sha256;");
            return got;
        }
    }

    private static String jexim(String message) throws Exception {
        DkimVerification v = new DkimVerifierEngine(new DnsClient(DnsSettings.servers(dns.servers())))
                .verify(message.getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder out = new StringBuilder("550 D=");
        for (DkimVerification.Run r : v.runs(v.signers())) {
            List<String> values = new java.util.ArrayList<>();
            for (String name : VARS.split(" ")) {
                values.add(r.variables().getOrDefault(name, ""));
            }
            out.append('[').append(String.join(" ", values)).append(']');
        }
        return out.toString();
    }

    private static String exim(String message) throws Exception {
        Path d = Files.createTempDirectory(dir, "verifier");
        StringBuilder vars = new StringBuilder();
        for (String name : VARS.split(" ")) {
            vars.append(vars.length() == 0 ? "" : " ").append('$').append(name);
        }
        Path conf = EximOracle.configure(d, "primary_hostname = mx.test\n"
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

    private static void sameAsExim(String message, String expected) throws Exception {
        String jexim = jexim(message);
        assertThat(jexim).isEqualTo(expected);
        if (withEximDns) {
            assertThat(exim(message)).isEqualTo(expected);
        }
    }

    @Test
    void anEd25519SignatureMadeByEximPasses() throws Exception {
        sameAsExim(signedByExim("ed"), "550 D=[example.com pass  ed ed25519-sha256 relaxed 256]");
    }

    @Test
    void theDerFormOfTheKeyIsAcceptedAsEximAcceptsIt() throws Exception {
        sameAsExim(signedByExim("der"), "550 D=[example.com pass  der ed25519-sha256 relaxed 256]");
    }

    @Test
    void tamperedCopiesFail() throws Exception {
        String signed = signedByExim("ed");
        sameAsExim(signed.replace("signed with Ed25519", "signed with RSA"),
                "550 D=[example.com fail bodyhash_mismatch ed ed25519-sha256 relaxed 0]");
        sameAsExim(signed.replace("Subject: ed25519", "Subject: ed25519!"),
                "550 D=[example.com fail signature_incorrect ed ed25519-sha256 relaxed 256]");
    }

    @Test
    void aKeyThatIsNotAKeyIsDerSyntax() throws Exception {
        sameAsExim(signedByExim("short"), "550 D=[example.com invalid pubkey_der_syntax short ed25519-sha256 relaxed 0]");
    }

    @Test
    void rsaKeyRecordsDistinguishDnsAndDerSyntax() throws Exception {
        String m = "From: Alice <alice@example.com>\r\nTo: bob@example.net\r\nSubject: keys\r\n\r\nHello Bob.\r\n";
        for (String selector : new String[] {"rsaempty", "rsanotb64", "rsaderbad"}) {
            DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/simple; d=example.com; s=" + selector
                    + "; h=from:to:subject; bh=; b=;", rsa.getPrivate());
            m = signer.sign(new java.io.ByteArrayInputStream(m.getBytes(StandardCharsets.US_ASCII))) + "\r\n" + m;
        }
        sameAsExim(m, "550 D=[example.com invalid pubkey_der_syntax rsaderbad rsa-sha256 relaxed 0]"
                + "[example.com invalid pubkey_dns_syntax rsanotb64 rsa-sha256 relaxed 0]"
                + "[example.com invalid pubkey_der_syntax rsaempty rsa-sha256 relaxed 0]");
    }
}
