package org.jexim.conf.options;

import java.util.List;

/**
 * One option that Exim knows: name, type, whether the value is expanded at use time, and the
 * default as -bP prints it when unset (null for "unset"; "true"/"false" for booleans).
 * {@code hidden} options are accepted in a configure file but not listed by -bP (synonyms
 * kept for compatibility); {@code repeat} says whether setting it twice is allowed;
 * {@code sameAs} names the options whose value it sets (a synonym's canonical option), empty
 * when it only sets itself.
 */
public record OptionDef(String name, OptionType type, boolean expanded, String defaultText,
                        boolean hidden, Repeat repeat, List<String> sameAs) {

    /** What a second setting of the same option does. */
    public enum Repeat {
        /** "option set for the second time" is an error. */
        NONE,
        /** router {@code condition}: the settings are and-ed together. */
        CONDITION,
        /** {@code headers_add}, {@code headers_remove}, {@code set}: the settings are appended as a list. */
        LIST
    }

    public OptionDef {
        sameAs = List.copyOf(sameAs);
    }

    public OptionDef(String name, OptionType type, boolean expanded, String defaultText) {
        this(name, type, expanded, defaultText, false, Repeat.NONE, List.of());
    }

    /** The options whose value a setting of this one changes: {@link #sameAs()}, or this option alone. */
    public List<String> targets() {
        return sameAs.isEmpty() ? List.of(name) : sameAs;
    }
}
