package org.jexim.conf.translate;

import java.util.Map;
import java.util.Optional;

/** One authenticator of the authenticators section as the server reads it back: name, driver and option texts. */
public record TranslatedAuthenticator(String name, String driver, Map<String, String> options) {
    public Optional<String> option(String option) {
        return Optional.ofNullable(options.get(option));
    }
}
