package org.jexim.smtp.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jexim.acl.AclSubject;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.translate.TranslatedDriver;

/**
 * Exim's cram_md5 driver (RFC 2195): challenge {@code <pid.time@primary_hostname>}; the
 * answer "user digest" sets $auth1 to the user, server_secret expands to the shared secret
 * (forced failure: unknown user), and the digest must be its HMAC-MD5 of the challenge.
 */
public final class CramMd5Authenticator extends ServerAuthenticator {
    public CramMd5Authenticator(TranslatedDriver spec) {
        super(spec);
    }

    @Override
    public boolean isServer() {
        return option("server_secret").isPresent();
    }

    @Override
    public SaslExchange exchange(AclSubject vars, String primaryHostname) {
        String challenge = "<" + ProcessHandle.current().pid() + "." + System.currentTimeMillis() / 1000 + "@"
                + primaryHostname + ">";
        return new SaslExchange() {
            @Override
            public AuthStep start(String initialResponse) {
                if (initialResponse != null && !initialResponse.isEmpty()) {
                    // Exim: "553 Initial data not expected" is not among jexim's outcomes; a failure is close
                    return AuthStep.done(AuthResult.of(AuthResult.Kind.FAILED));
                }
                return AuthStep.challenge(AuthData.encode(challenge));
            }

            @Override
            public AuthStep next(String line) {
                AuthData.Answer answer = AuthData.answer(line);
                if (answer.end() != null) {
                    return answer.end();
                }
                String decoded = answer.text();
                int space = decoded.lastIndexOf(' ');
                if (space <= 0) {
                    return AuthStep.done(AuthResult.of(AuthResult.Kind.FAILED));
                }
                String user = decoded.substring(0, space);
                String digest = decoded.substring(space + 1);
                setValues(vars, List.of(user));
                String secret;
                try {
                    secret = Expander.expand(option("server_secret").orElse(""), vars);
                } catch (ExpansionException e) {
                    AuthResult failed = expansionFailed(e);
                    return AuthStep.done(e.forced() ? withSetId(failed, vars) : failed);
                }
                if (!hmacMd5(secret, challenge).equalsIgnoreCase(digest)) {
                    return AuthStep.done(withSetId(AuthResult.of(AuthResult.Kind.FAILED), vars));
                }
                return AuthStep.done(conclude(vars));
            }
        };
    }

    static String hmacMd5(String secret, String challenge) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            byte[] key = secret.getBytes(StandardCharsets.ISO_8859_1);
            // an empty key is padded with zeros by HMAC, as a one-zero-byte key is (and Java refuses empty keys)
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacMD5"));
            return HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
