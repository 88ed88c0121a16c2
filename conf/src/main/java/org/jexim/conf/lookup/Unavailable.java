package org.jexim.conf.lookup;

/**
 * Lookup types Exim's Debian build has but jexim does not serve (LDAP, NIS): recognised, so
 * that configurations parse, and deferring with a clear message when used.
 */
final class Unavailable implements LookupType {
    private final String name;
    private final Style style;
    private final String message;

    Unavailable(String name, Style style, String message) {
        this.name = name;
        this.style = style;
        this.message = message;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Style style() {
        return style;
    }

    @Override
    public String find(String file, String key, String opts, LookupEnv env) throws LookupException {
        if (style == Style.SINGLE_KEY) {
            throw LookupException.open(message);
        }
        throw LookupException.defer(message);
    }
}
