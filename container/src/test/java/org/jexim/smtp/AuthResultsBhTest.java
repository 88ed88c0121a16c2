package org.jexim.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.DKIMSigner;
import org.jexim.conf.reader.ConfigReader;
import org.jexim.conf.translate.Translator;
import org.jexim.testkit.EximOracle;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * ${authresults} with the SPF and DKIM parts: an SPF check at RCPT, a DKIM-signed message (a
 * good, a tampered and an unsigned copy), and a DATA ACL refusing with the expanded
 * Authentication-Results header, whose lines become the reply. exim4 -bh and jexim's -bh, same
 * configure, same loopback DNS server: every reply line must be the same.
 */
class AuthResultsBhTest {
    @TempDir
    static Path dir;
    static LoopbackDnsServer dns;
    static Path conf;
    static Path translated;
    static String signed;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(EximOracle.canUseTestDns(), "needs exim4, root and unshare");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        KeyPair key = g.generateKeyPair();
        String zone = String.join("\n", "$TTL 300", "@ IN SOA ns.example.com. h.example.com. 1 3600 600 86400 300",
                "@ IN NS ns.example.com.", "@ IN TXT \"v=spf1 ip4:192.0.2.1 -all\"",
                "sel._domainkey IN TXT \"v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getPublic().getEncoded()) + "\"",
                "");
        dns = new LoopbackDnsServer(Map.of("example.com.", zone), dir, "127.0.0.161", 53);
        conf = EximOracle.configure(Files.createDirectories(dir.resolve("exim")), "JEXIM_DNS_SERVERS = " + dns.servers() + "\n"
                + "primary_hostname = mx.test\nacl_smtp_rcpt = acl_rcpt\nacl_smtp_data = acl_data\nbegin acl\n"
                + "acl_rcpt:\n  warn spf = pass:fail:softfail:neutral:none:permerror:temperror\n  accept\n"
                + "acl_data:\n  deny message = ${authresults{mx.test}}\n");
        translated = Files.createDirectories(dir.resolve("translated"));
        Translator.translate(ConfigReader.read(conf, Map.of())).writeTo(translated);
        String m = "From: Alice <alice@example.com>\r\nTo: bob@mx.test\r\nSubject: authres\r\n\r\nHello Bob.\r\n";
        DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/simple; d=example.com; s=sel; i=alice@example.com;"
                + " h=from:to:subject; bh=; b=;", key.getPrivate());
        signed = signer.sign(new java.io.ByteArrayInputStream(m.getBytes(StandardCharsets.US_ASCII))) + "\r\n" + m;
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    private static String session(String message) {
        return "EHLO client.example\r\nMAIL FROM:<alice@example.com>\r\nRCPT TO:<bob@mx.test>\r\nDATA\r\n" + message
                + ".\r\nQUIT\r\n";
    }

    private static String jexim(String ip, String script) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
        TestSession.of(ConfigReader.read(conf, Map.of()), translated, out).run(ip, new BufferedReader(new StringReader(script)));
        return refusal(bytes.toString(StandardCharsets.ISO_8859_1));
    }

    /** The DATA refusal's lines. */
    private static String refusal(String output) {
        return String.join("\n", EximOracle.replies(output).stream().filter(l -> l.startsWith("550")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"signed", "tampered", "unsigned"})
    void authenticationResultsAgree(String which) throws Exception {
        String message = switch (which) {
            case "signed" -> signed;
            case "tampered" -> signed.replace("Hello Bob.", "Hello Eve.");
            default -> signed.substring(signed.indexOf("From: "));
        };
        String ip = which.equals("unsigned") ? "192.0.2.9" : "192.0.2.1";
        String exim = refusal(EximOracle.run(conf, dns, session(message), "-bh", ip));
        String jexim = jexim(ip, session(message));
        assertThat(jexim).isEqualTo(exim);
        List<String> lines = List.of(jexim.split("\n"));
        assertThat(lines.get(0)).isEqualTo("550-Authentication-Results: mx.test;");
        String unfolded = String.join(" ", lines.stream().map(l -> l.substring(4)).toList());
        assertThat(unfolded).contains(switch (which) {
            case "signed" -> "dkim=pass header.d=example.com header.i=alice@example.com header.s=sel header.a=rsa-sha256";
            case "tampered" -> "dkim=fail (body hash mismatch; body probably modified in transit)";
            default -> "spf=fail smtp.mailfrom=example.com";
        });
    }
}
