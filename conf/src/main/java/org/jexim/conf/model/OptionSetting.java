package org.jexim.conf.model;

import org.jexim.conf.SourceLocation;
import org.jexim.conf.options.OptionDef;

/**
 * One option as set in the configure file: its definition, the parsed value (Boolean, Long,
 * String, ... as {@link org.jexim.conf.options.OptionType} says), the text as written after
 * macro substitution, whether it was marked {@code hide}, and where it was set.
 */
public record OptionSetting(OptionDef def, Object value, String text, boolean hidden, SourceLocation location) {
    public String name() {
        return def.name();
    }
}
