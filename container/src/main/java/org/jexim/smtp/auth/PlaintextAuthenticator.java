package org.jexim.smtp.auth;

import java.util.ArrayList;
import java.util.List;
import org.jexim.acl.AclSubject;
import org.jexim.conf.translate.TranslatedDriver;

/**
 * Exim's plaintext driver (PLAIN, LOGIN and the like): the initial response and each answer
 * to the server_prompts not yet answered fill $auth1, $auth2 ... (split at NULs), then
 * server_condition decides.
 */
public final class PlaintextAuthenticator extends ServerAuthenticator {
    public PlaintextAuthenticator(TranslatedDriver spec) {
        super(spec);
    }

    @Override
    public boolean isServer() {
        return option("server_condition").isPresent();
    }

    @Override
    public SaslExchange exchange(AclSubject vars, String primaryHostname) {
        List<String> prompts = AuthData.colonList(option("server_prompts").orElse(""));
        List<String> values = new ArrayList<>();
        return new SaslExchange() {
            @Override
            public AuthStep start(String initialResponse) {
                if (initialResponse != null && !initialResponse.isEmpty()) {
                    String decoded = AuthData.decode(initialResponse);
                    if (decoded == null) {
                        return AuthStep.done(AuthResult.of(AuthResult.Kind.BAD_BASE64));
                    }
                    values.addAll(AuthData.values(decoded));
                }
                return step();
            }

            @Override
            public AuthStep next(String line) {
                AuthData.Answer answer = AuthData.answer(line);
                if (answer.end() != null) {
                    return answer.end();
                }
                String decoded = answer.text();
                values.addAll(AuthData.values(decoded));
                return step();
            }

            /** The next unanswered prompt, or the decision when all are answered. */
            private AuthStep step() {
                if (values.size() < prompts.size()) {
                    return AuthStep.challenge(AuthData.encode(prompts.get(values.size())));
                }
                setValues(vars, values);
                return AuthStep.done(conclude(vars));
            }
        };
    }
}
