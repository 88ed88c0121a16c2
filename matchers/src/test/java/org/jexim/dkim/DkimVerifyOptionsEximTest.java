package org.jexim.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.james.jdkim.DKIMSigner;
import org.jexim.dns.DnsClient;
import org.jexim.dns.DnsSettings;
import org.jexim.testkit.EximOracle;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dkim_verify_hashes, dkim_verify_keytypes, dkim_verify_min_keysizes and dkim_verify_minimal:
 * one message with three signatures (rsa-sha1 and rsa-sha256 with a 2048-bit key, rsa-sha256
 * with a 1024-bit key); the DKIM ACL runs, their order, statuses, reasons and key lengths and
 * the DATA ACL's $dkim_signers / $dkim_verify_status must be what exim4 -bh shows.
 */
class DkimVerifyOptionsEximTest {
    @TempDir
    static Path dir;
    static LoopbackDnsServer dns;
    static KeyPair big;
    static KeyPair small;
    static boolean withEximDns;
    static String message;

    private static final String VARS = "dkim_cur_signer dkim_verify_status dkim_verify_reason dkim_selector dkim_algo dkim_key_length";

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(EximOracle.available(), "exim4 is not installed");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        big = g.generateKeyPair();
        g.initialize(1024);
        small = g.generateKeyPair();
        withEximDns = EximOracle.canUseTestDns();
        String zone = String.join("\n", "$TTL 300", "@ IN SOA ns.example.com. h.example.com. 1 3600 600 86400 300",
                "@ IN NS ns.example.com.", "big._domainkey IN TXT " + txt(big), "small._domainkey IN TXT " + txt(small),
                "broken._domainkey IN TXT \"v=DKIM1; k=rsa; p=AAAAnotakey\"", "nop._domainkey IN TXT \"v=DKIM1; k=rsa\"", "");
        dns = withEximDns ? new LoopbackDnsServer(Map.of("example.com.", zone), dir, "127.0.0.158", 53)
                : new LoopbackDnsServer(Map.of("example.com.", zone), dir);
        String m = "From: Alice <alice@example.com>\r\nTo: bob@example.net\r\nSubject: options\r\n\r\nHello Bob.\r\n";
        m = sign(m, "rsa-sha256", "small", small);
        m = sign(m, "rsa-sha256", "big", big);
        message = sign(m, "rsa-sha1", "big", big); // topmost: the first in the message
    }

    private static String txt(KeyPair k) {
        String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(k.getPublic().getEncoded());
        StringBuilder txt = new StringBuilder();
        for (int i = 0; i < record.length(); i += 255) {
            txt.append('"').append(record, i, Math.min(record.length(), i + 255)).append("\" ");
        }
        return txt.toString();
    }

    private static String sign(String m, String algo, String selector, KeyPair k) throws Exception {
        DKIMSigner signer = new DKIMSigner("v=1; a=" + algo + "; c=relaxed/simple; d=example.com; s=" + selector
                + "; h=from:to:subject; bh=; b=;", k.getPrivate());
        return signer.sign(new java.io.ByteArrayInputStream(m.getBytes(StandardCharsets.US_ASCII))) + "\r\n" + m;
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    /** jexim: the runs as DkimAclRun walks them with an ACL that only records, then the DATA ACL's view. */
    private static String jexim(Map<String, String> options) throws Exception {
        return jexim(options, message);
    }

    private static String jexim(Map<String, String> options, String message) throws Exception {
        DkimVerifyOptions o = DkimVerifyOptions.from(name -> Optional.ofNullable(options.get(name)));
        DkimVerification v = new DkimVerifierEngine(new DnsClient(DnsSettings.servers(dns.servers())))
                .verify(message.getBytes(StandardCharsets.US_ASCII), o);
        StringBuilder out = new StringBuilder("550 D=");
        List<String> statuses = new ArrayList<>();
        List<DkimVerification.Run> runs = v.runs(options.getOrDefault("dkim_verify_signers", v.signers()));
        for (int i = 0; i < runs.size(); i++) {
            DkimVerification.Run r = runs.get(i);
            List<String> values = new ArrayList<>();
            for (String name : VARS.split(" ")) {
                values.add(r.variables().getOrDefault(name, ""));
            }
            out.append('[').append(String.join(" ", values)).append(']');
            statuses.add(r.variables().get("dkim_verify_status"));
            if (o.endsWalk(statuses.get(statuses.size() - 1), r, i + 1 < runs.size() ? runs.get(i + 1) : null)) {
                break;
            }
        }
        return out.append(" S=").append(v.signers()).append(" V=").append(String.join(":", statuses)).toString();
    }

    private static String exim(Map<String, String> options) throws Exception {
        return exim(options, message);
    }

    private static String exim(Map<String, String> options, String message) throws Exception {
        Path d = Files.createTempDirectory(dir, "verifier");
        StringBuilder vars = new StringBuilder();
        for (String name : VARS.split(" ")) {
            vars.append(vars.length() == 0 ? "" : " ").append('$').append(name);
        }
        StringBuilder main = new StringBuilder("primary_hostname = mx.test\n");
        options.forEach((k, v) -> main.append(k).append(" = ").append(v).append('\n'));
        Path conf = EximOracle.configure(d, main + "acl_smtp_rcpt = acl_rcpt\nacl_smtp_dkim = acl_dkim\n"
                + "acl_smtp_data = acl_data\nbegin acl\nacl_rcpt:\n  accept\n"
                + "acl_dkim:\n  warn set acl_m_d = $acl_m_d[" + vars + "]\n  accept\n"
                + "acl_data:\n  deny message = D=$acl_m_d S=$dkim_signers V=$dkim_verify_status\n");
        String out = EximOracle.run(conf, dns, "EHLO signer.example.com\r\nMAIL FROM:<alice@example.com>\r\n"
                + "RCPT TO:<bob@example.net>\r\nDATA\r\n" + message + ".\r\nQUIT\r\n", "-bh", "192.0.2.1");
        return EximOracle.unfoldedReplies(out).stream().filter(r -> r.startsWith("550")).findFirst()
                .orElse("no 550 in " + out);
    }

    private static void sameAsExim(Map<String, String> options, String expected) throws Exception {
        String jexim = jexim(options);
        assertThat(jexim).isEqualTo(expected);
        if (withEximDns) {
            assertThat(exim(options)).isEqualTo(jexim);
        }
    }

    @Test
    void brokenKeysAreInvalidWithEximsReasons() throws Exception {
        String m = "From: Alice <alice@example.com>\r\nTo: bob@example.net\r\nSubject: keys\r\n\r\nHello Bob.\r\n";
        m = sign(sign(m, "rsa-sha256", "nop", big), "rsa-sha256", "broken", big);
        String jexim = jexim(Map.of(), m);
        assertThat(jexim).isEqualTo("550 D=[example.com invalid pubkey_dns_syntax broken rsa-sha256 0]"
                + "[example.com invalid pubkey_dns_syntax nop rsa-sha256 0] S=example.com:example.com V=invalid:invalid");
        if (withEximDns) {
            assertThat(exim(Map.of(), m)).isEqualTo(jexim);
        }
    }

    @Test
    void byDefaultSha1IsIgnoredAndA1024BitKeyIsEnough() throws Exception {
        sameAsExim(Map.of(), "550 D=[example.com pass  big rsa-sha256 2048][example.com pass  small rsa-sha256 1024] S=example.com:example.com V=pass:pass");
    }

    @Test
    void hashListAdmitsSha1AndOrdersTheSignatures() throws Exception {
        sameAsExim(Map.of("dkim_verify_hashes", "sha1 : sha256"),
                "550 D=[example.com pass  big rsa-sha1 2048][example.com pass  big rsa-sha256 2048][example.com pass  small rsa-sha256 1024]"
                        + " S=example.com:example.com:example.com V=pass:pass:pass");
    }

    @Test
    void keysBelowTheMinimumSizeFailAsTooShort() throws Exception {
        sameAsExim(Map.of("dkim_verify_min_keysizes", "rsa=2048"),
                "550 D=[example.com pass  big rsa-sha256 2048][example.com fail pubkey_too_short small rsa-sha256 1024] S=example.com:example.com V=pass:fail");
    }

    @Test
    void minimalLeavesLaterSignaturesUnverifiedAndEndsTheSignerWalk() throws Exception {
        // the last signer has no signature: Exim keeps the previous run's $dkim_selector there
        sameAsExim(Map.of("dkim_verify_minimal", "true", "dkim_verify_signers", "example.com : other.example"),
                "550 D=[example.com pass  big rsa-sha256 2048][example.com none  small rsa-sha256 0]"
                        + "[other.example none  small  0] S=example.com:example.com V=pass:none:none");
    }

    @Test
    void keytypesWithoutRsaIgnoreEverySignature() throws Exception {
        sameAsExim(Map.of("dkim_verify_keytypes", "ed25519"), "550 D= S= V=");
    }
}
