package org.jexim.conf.options;

/**
 * One option that Exim knows: name, type, whether the value is expanded at use time, and the
 * default as -bP prints it when unset (null for "unset").
 */
public record OptionDef(String name, OptionType type, boolean expanded, String defaultText) {
}
