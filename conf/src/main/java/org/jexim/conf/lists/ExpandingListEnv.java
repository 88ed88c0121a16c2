package org.jexim.conf.lists;

import java.util.List;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.lookup.LookupEnv;
import org.jexim.conf.lookup.LookupException;
import org.jexim.conf.lookup.Lookups;

/**
 * The list environment routers and ACLs use: named lists and lookups from an expansion context,
 * named lists expanded before matching (as Exim does for options such as {@code domains}).
 */
public final class ExpandingListEnv implements ListEnv {
    /** How a named list's text is expanded before it is matched. */
    @FunctionalInterface
    public interface NamedListExpansion {
        String expand(String list) throws ExpansionException;
    }

    private final ExpansionContext context;
    private final NamedListExpansion expansion;
    private final java.util.Map<String, Object> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** Named list results are cached for the life of this object: make one per message. */
    public ExpandingListEnv(ExpansionContext context) {
        this(context, list -> Expander.parseLenient(list).evaluate(context));
    }

    /** As above, named lists expanded by {@code expansion} (an expansion already in progress). */
    public ExpandingListEnv(ExpansionContext context, NamedListExpansion expansion) {
        this.context = context;
        this.expansion = expansion;
    }

    /** What lookups see from {@code context}: its main options, and expansion for wildlsearch keys. */
    public static LookupEnv lookupEnvOf(ExpansionContext context) {
        return new LookupEnv() {
            @Override
            public java.util.Optional<String> option(String name) {
                return context.option(name);
            }

            @Override
            public String expand(String s) throws LookupException {
                try {
                    return Expander.expand(s, context);
                } catch (ExpansionException e) {
                    throw LookupException.defer(e.getMessage());
                }
            }

            @Override
            public void setVariable(String name, String value) {
                context.setVariable(name, value);
            }

            @Override
            public java.util.Map<String, Object> cache() {
                return context.lookupCache();
            }
        };
    }

    @Override
    public java.util.Map<String, Object> namedListCache() {
        return cache;
    }

    @Override
    public NamedLists namedLists() {
        return context.namedLists();
    }

    @Override
    public Lookups lookups() {
        return context.lookups();
    }

    @Override
    public LookupEnv lookupEnv() {
        return lookupEnvOf(context);
    }

    @Override
    public String primaryHostname() {
        return context.variable("primary_hostname").orElse("");
    }

    @Override
    public List<String> interfaceAddresses() {
        return LocalInterfaces.addresses();
    }

    @Override
    public String expandNamedList(String list) throws ListExpansionException {
        try {
            return expansion.expand(list);
        } catch (ExpansionException e) {
            throw new ListExpansionException(e.getMessage(), e.forced());
        }
    }
}
