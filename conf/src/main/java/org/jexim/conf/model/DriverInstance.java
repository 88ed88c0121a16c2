package org.jexim.conf.model;

import java.util.Map;
import java.util.Optional;
import org.jexim.conf.SourceLocation;

/**
 * A router, transport or authenticator instance: its name, its driver and the options set
 * for it (generic and private, in configure order, keyed by option name).
 */
public record DriverInstance(DriverKind kind, String name, String driver,
                             Map<String, OptionSetting> options, SourceLocation location) {
    public Optional<OptionSetting> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** The text of an option as written, or empty when it is not set. */
    public Optional<String> text(String name) {
        return option(name).map(OptionSetting::text);
    }
}
