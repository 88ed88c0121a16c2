package org.jexim.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.DKIMSigner;
import org.jexim.dns.DnsClient;
import org.jexim.dns.DnsSettings;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DKIM verification of messages the test signs with jDKIM's signer, keys published on the
 * loopback DNS server (a 2048-bit key's TXT answer is over 512 bytes: the resolver retries
 * over TCP): pass, a changed body, a changed header, a missing key and a broken key each give
 * Exim's status and reason.
 */
class DkimVerifierEngineTest {
    @TempDir
    static Path dir;
    static LoopbackDnsServer dns;
    static KeyPair key;

    static final String MESSAGE = "From: Alice <alice@example.com>\r\nTo: bob@example.net\r\nSubject: hello\r\n"
            + "Date: Sun, 22 Nov 2026 05:00:00 +0000\r\nMessage-ID: <1@example.com>\r\n\r\nHello Bob,\r\nthis is signed.\r\n";

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        key = g.generateKeyPair();
        dns = new LoopbackDnsServer(Map.of("example.com.", zone(key)), dir);
    }

    /** The zone with the public key at sel._domainkey, split into 255-byte strings as a TXT record must be. */
    static String zone(KeyPair k) {
        String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(k.getPublic().getEncoded());
        StringBuilder txt = new StringBuilder();
        for (int i = 0; i < record.length(); i += 255) {
            txt.append('"').append(record, i, Math.min(record.length(), i + 255)).append("\" ");
        }
        return String.join("\n", "$TTL 300", "@ IN SOA ns.example.com. h.example.com. 1 3600 600 86400 300",
                "@ IN NS ns.example.com.", "sel._domainkey IN TXT " + txt,
                "broken._domainkey IN TXT \"v=DKIM1; k=rsa; p=AAAAnotakey\"", "");
    }

    static String sign(String message, String selector, String domain) throws Exception {
        DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/simple; d=" + domain + "; s=" + selector
                + "; h=from:to:subject; bh=; b=;", key.getPrivate());
        String header = signer.sign(new java.io.ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)));
        return header + "\r\n" + message;
    }

    private static DkimVerification verify(String message) throws Exception {
        return new DkimVerifierEngine(new DnsClient(DnsSettings.servers(dns.servers())))
                .verify(message.getBytes(StandardCharsets.US_ASCII));
    }

    private static String statusAndReason(String message) throws Exception {
        List<DkimSignatureResult> s = verify(message).signatures();
        assertThat(s).hasSize(1);
        return s.get(0).status() + "/" + s.get(0).reason();
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    @Test
    void aSignedMessagePassesWithEximsVariables() throws Exception {
        DkimSignatureResult r = verify(sign(MESSAGE, "sel", "example.com")).signatures().get(0);
        assertThat(r.status()).isEqualTo("pass");
        Map<String, String> v = r.variables();
        assertThat(v).containsEntry("dkim_domain", "example.com").containsEntry("dkim_selector", "sel")
                .containsEntry("dkim_algo", "rsa-sha256").containsEntry("dkim_canon_headers", "relaxed")
                .containsEntry("dkim_canon_body", "simple").containsEntry("dkim_headernames", "from:to:subject")
                .containsEntry("dkim_bodylength", "9999999999999").containsEntry("dkim_key_length", "2048")
                .containsEntry("dkim_key_testing", "0").containsEntry("dkim_key_srvtype", "*")
                .containsEntry("dkim_verify_reason", "");
    }

    @Test
    void aChangedBodyFailsWithBodyhashMismatch() throws Exception {
        assertThat(statusAndReason(sign(MESSAGE, "sel", "example.com").replace("this is signed", "this is changed")))
                .isEqualTo("fail/bodyhash_mismatch");
    }

    @Test
    void aChangedSignedHeaderFailsWithSignatureIncorrect() throws Exception {
        assertThat(statusAndReason(sign(MESSAGE, "sel", "example.com").replace("Subject: hello", "Subject: HELLO")))
                .isEqualTo("fail/signature_incorrect");
    }

    @Test
    void keysThatAreMissingOrBrokenMakeTheSignatureInvalid() throws Exception {
        assertThat(statusAndReason(sign(MESSAGE, "nokey", "example.com"))).isEqualTo("invalid/pubkey_unavailable");
        assertThat(statusAndReason(sign(MESSAGE, "broken", "example.com"))).isEqualTo("invalid/pubkey_dns_syntax");
    }

    @Test
    void theAclRunsOncePerVerifySignerWithNoneForSignersWithoutSignature() throws Exception {
        DkimVerification v = verify(sign(MESSAGE, "sel", "example.com"));
        assertThat(v.signers()).isEqualTo("example.com");
        List<DkimVerification.Run> runs = v.runs("paypal.com:" + v.signers() + ":EXAMPLE.com");
        assertThat(runs).extracting(r -> r.signer() + "=" + r.variables().get("dkim_verify_status"))
                .containsExactly("paypal.com=none", "example.com=pass");
        assertThat(DkimVerification.statusCondition("none:invalid:fail", "none")).isTrue();
        assertThat(DkimVerification.signersCondition("paypal.com:paypal.de", "example.com")).isFalse();
    }

    @Test
    void anUnsignedMessageHasNoSignatures() throws Exception {
        assertThat(verify(MESSAGE).signatures()).isEmpty();
        assertThat(verify(MESSAGE).signers()).isEmpty();
    }
}
