package org.jexim.smtp.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jexim.acl.AclSubject;
import org.jexim.conf.translate.TranslatedDriver;
import org.junit.jupiter.api.Test;

/** The authenticator drivers' exchanges, reply by reply, without a server. */
class ServerAuthenticatorsTest {
    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static AclSubject vars() {
        return new AclSubject("192.0.2.1", "c.test", null, null, null);
    }

    @Test
    void cramMd5DigestIsRfc2195s() {
        assertEquals("b913a602c7eda7a495b4e6e7334d3890",
                CramMd5Authenticator.hmacMd5("tanstaaftanstaaf", "<1896.697170952@postoffice.reston.mci.net>"));
    }

    @Test
    void serverPromptsAreAnEximColonList() {
        assertEquals(List.of("Username:", "Password:"), AuthData.colonList("Username:: : Password::"));
        assertEquals(List.of(""), AuthData.colonList(":"));
        assertEquals(List.of(), AuthData.colonList(""));
        assertEquals(List.of("", "user", "secret"), AuthData.values("\0user\0secret"));
        assertEquals(List.of(""), AuthData.values(""));
        assertEquals("", AuthData.decode("="));
        assertNull(AuthData.decode("!!"));
    }

    @Test
    void plainSucceedsWithSetIdAndFailsWithIt() {
        TranslatedDriver plain = new TranslatedDriver("PLAIN", "plaintext", Map.of("server_prompts", ":",
                "server_condition", "${if and {{eq{$auth2}{user}}{eq{$auth3}{secret}}}}", "server_set_id", "$auth2"));
        PlaintextAuthenticator a = new PlaintextAuthenticator(plain);
        AuthStep ok = a.exchange(vars(), "mx.test").start(b64("\0user\0secret"));
        assertEquals("235 Authentication succeeded", ok.result().reply());
        assertEquals("user", ok.result().setId().orElseThrow());
        SaslExchange e = a.exchange(vars(), "mx.test");
        assertEquals("", e.start(null).challenge());
        AuthStep bad = e.next(b64("\0user\0wrong"));
        assertEquals("535 Incorrect authentication data (set_id=user)", bad.result().logText());
    }

    @Test
    void loginPromptsInTurnAndCancels() {
        TranslatedDriver login = new TranslatedDriver("LOGIN", "plaintext", Map.of(
                "server_prompts", "Username:: : Password::", "server_condition", "${if eq{$auth1:$auth2}{u:p}}"));
        SaslExchange e = new PlaintextAuthenticator(login).exchange(vars(), "mx.test");
        assertEquals("VXNlcm5hbWU6", e.start(null).challenge());
        assertEquals("UGFzc3dvcmQ6", e.next(b64("u")).challenge());
        assertEquals("235 Authentication succeeded", e.next(b64("p")).result().reply());
        SaslExchange cancelled = new PlaintextAuthenticator(login).exchange(vars(), "mx.test");
        cancelled.start(b64("u"));
        assertEquals("501 Authentication cancelled", cancelled.next("*").result().reply());
    }

    @Test
    void cramMd5ChecksTheDigestOfItsOwnChallenge() {
        TranslatedDriver cram = new TranslatedDriver("CRAM", "cram_md5", Map.of(
                "server_secret", "${if eq{$auth1}{user}{secret}fail}", "server_set_id", "$auth1"));
        SaslExchange e = new CramMd5Authenticator(cram).exchange(vars(), "mx.test");
        String challenge = new String(Base64.getDecoder().decode(e.start(null).challenge()), StandardCharsets.ISO_8859_1);
        assertEquals("235 Authentication succeeded",
                e.next(b64("user " + CramMd5Authenticator.hmacMd5("secret", challenge))).result().reply());
        SaslExchange unknown = new CramMd5Authenticator(cram).exchange(vars(), "mx.test");
        unknown.start(null);
        assertEquals("535 Incorrect authentication data", unknown.next(b64("nobody 00")).result().reply());
    }

    @Test
    void advertisingFollowsServerAdvertiseConditionInConfigureOrder() {
        ServerAuthenticators all = ServerAuthenticators.of(List.of(
                new TranslatedDriver("a", "plaintext", Map.of("public_name", "PLAIN", "server_condition", "yes")),
                new TranslatedDriver("b", "plaintext", Map.of("public_name", "LOGIN", "server_condition", "yes",
                        "server_advertise_condition", "${if def:tls_in_cipher}")),
                new TranslatedDriver("c", "cram_md5", Map.of("public_name", "CRAM-MD5", "server_secret", "x")),
                new TranslatedDriver("d", "plaintext", Map.of("public_name", "CLIENTONLY"))));
        assertEquals(List.of("PLAIN", "CRAM-MD5"), all.advertised(vars()));
        AclSubject tls = vars();
        tls.set("tls_in_cipher", "TLS1.3:TLS_AES_256_GCM_SHA384:256");
        assertEquals(List.of("PLAIN", "LOGIN", "CRAM-MD5"), all.advertised(tls));
    }
}
