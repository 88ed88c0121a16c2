package org.jexim.lists;

import java.util.Locale;
import java.util.regex.Pattern;

/** Items of a domain list: {@code @}, {@code *suffix}, {@code ^regex}, or a domain, without case. */
public final class DomainItems implements ListMatcher.ItemRule {
    @Override
    public boolean matches(String item, String value, ListContext context) throws ListException {
        String domain = value.toLowerCase(Locale.ROOT);
        if (item.equals("@")) {
            return domain.equals(context.primaryHostname().toLowerCase(Locale.ROOT));
        }
        if (item.startsWith("@")) {
            throw new ListException("domain list item \"" + item + "\" is not supported yet");
        }
        if (item.startsWith("^")) {
            return Patterns.find(item, value, true);
        }
        if (item.startsWith("*")) {
            return domain.endsWith(item.substring(1).toLowerCase(Locale.ROOT));
        }
        return domain.equals(item.toLowerCase(Locale.ROOT));
    }

    @Override
    public String lookupKey(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /** Regex items, compiled once. */
    static final class Patterns {
        private static final java.util.Map<String, Pattern> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        static boolean find(String regex, String value, boolean caseless) throws ListException {
            try {
                return CACHE.computeIfAbsent((caseless ? "i" : "c") + regex,
                        k -> Pattern.compile(regex, caseless ? Pattern.CASE_INSENSITIVE : 0)).matcher(value).find();
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new ListException("regular expression error in \"" + regex + "\": " + e.getDescription());
            }
        }
    }
}
