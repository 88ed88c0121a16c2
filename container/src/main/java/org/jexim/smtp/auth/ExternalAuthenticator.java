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
                AuthData.Answer answer = AuthData.answer(line);
                if (answer.end() != null) {
                    return answer.end();
                }
                String decoded = answer.text();
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
                        return AuthStep.done(expansionFailed(e));
                    }
                    setValues(vars, values);
                }
                return AuthStep.done(conclude(vars));
            }
        };
    }
}
