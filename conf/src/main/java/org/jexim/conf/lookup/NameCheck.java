package org.jexim.conf.lookup;

import java.util.regex.Pattern;
import org.jexim.conf.expand.Pcre;
import org.xbill.DNS.Type;

/**
 * dns_check_names_pattern: names that do not match are never sent to the DNS and count as
 * "no such name" (Exim's dns_basic_lookup), except in PTR and TXT questions. An empty pattern
 * turns the check off. Exim's default pattern uses a PCRE conditional, which Java lacks; it is
 * replaced by an equivalent expression.
 */
public final class NameCheck {
    /** Exim's default dns_check_names_pattern, as the option is written. */
    public static final String DEFAULT_OPTION = "(?i)^(?>(?(1)\\.|())[^\\W](?>[a-z0-9/_-]*[^\\W])?)+(\\.?)$";

    /** The default pattern's meaning: labels of word characters, '/', '-', starting and ending with a word character. */
    private static final Pattern DEFAULT = Pattern.compile(
            "(?i)^\\w(?>[a-z0-9/_-]*\\w)?(?:\\.\\w(?>[a-z0-9/_-]*\\w)?)*\\.?$");

    private final Pattern pattern;

    public NameCheck(String option) {
        if (option == null || option.isEmpty()) {
            pattern = null;
        } else if (option.equals(DEFAULT_OPTION)) {
            pattern = DEFAULT;
        } else {
            try {
                pattern = Pcre.compile(option, false);
            } catch (Pcre.RegexError e) {
                throw new IllegalArgumentException("regular expression error in dns_check_names_pattern \""
                        + option + "\": " + e.getMessage() + " at offset " + e.offset(), e);
            }
        }
    }

    /** Whether a question of this type about this name (no trailing dot) may be asked. */
    public boolean allows(String name, int type) {
        if (pattern == null || type == Type.PTR || type == Type.TXT) {
            return true;
        }
        try {
            return Pcre.matcher(pattern, name).find();
        } catch (Pcre.MatchLimitException e) {
            return false;
        }
    }
}
