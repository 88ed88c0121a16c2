package org.jexim.lists;

import java.util.Locale;

/** Items of a local part list: {@code ^regex}, {@code *suffix}, or a local part, without case. */
public final class LocalPartItems implements ListMatcher.ItemRule {
    @Override
    public boolean matches(String item, String value, ListContext context) throws ListException {
        if (item.startsWith("^")) {
            return DomainItems.Patterns.find(item, value, true);
        }
        if (item.startsWith("*")) {
            return value.toLowerCase(Locale.ROOT).endsWith(item.substring(1).toLowerCase(Locale.ROOT));
        }
        return value.equalsIgnoreCase(item);
    }
}
