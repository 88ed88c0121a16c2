package org.jexim.smtp.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jexim.acl.AclSubject;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.translate.TranslatedDriver;

/**
 * Exim's external driver (RFC 4422 EXTERNAL, normally over TLS with a client certificate):
 * $auth1 is the authorization id the client sends (prompted with an empty 334 when absent),
 * server_param2 and server_param3 expand into $auth2 and $auth3, then server_condition decides.
 */
public final class ExternalAuthenticator extends ServerAuthenticator {
    public ExternalAuthenticator(TranslatedDriver spec) {
        super(spec);
    }

    @Override
    public boolean isServer() {
        return option("server_param2").isPresent() || option("server_param3").isPresent()
                || option("server_condition").isPresent();
    }

    @Override
    public SaslExchange exchange(AclSubject vars, String primaryHostname) {
        return new SaslExchange() {
            @Override
            public AuthStep start(String initialResponse) {
                if (initialResponse == null || initialResponse.isEmpty()) {
                    return AuthStep.challenge("");
                }
                return next(initialResponse);
            }

            @Override
            public AuthStep next(String line) {
                if (line.strip().equals("*")) {
                    return AuthStep.done(AuthResult.of(AuthResult.Kind.CANCELLED));
                }
                String decoded = AuthData.decode(line);
                if (decoded == null) {
                    return AuthStep.done(AuthResult.of(AuthResult.Kind.BAD_BASE64));
                }
                List<String> values = new ArrayList<>(AuthData.values(decoded).subList(0, 1));
                setValues(vars, values);
                for (String param : List.of("server_param2", "server_param3")) {
                    Optional<String> text = option(param);
                    if (text.isEmpty()) {
                        break;
                    }
                    try {
                        values.add(Expander.expand(text.get(), vars));
                    } catch (ExpansionException e) {
                        return AuthStep.done(e.forced() ? AuthResult.of(AuthResult.Kind.FAILED)
                                : AuthResult.deferred(e.getMessage()));
                    }
                    setValues(vars, values);
                }
                return AuthStep.done(conclude(vars));
            }
        };
    }
}
