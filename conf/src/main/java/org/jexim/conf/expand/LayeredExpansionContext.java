package org.jexim.conf.expand;

import java.util.Optional;
import org.jexim.conf.lists.NamedLists;
import org.jexim.conf.lookup.Lookups;

/**
 * A context laid over another: it takes the configuration's services (named lists, lookups,
 * ACLs, authentication backends, main options) from the base; a subclass adds its own
 * variables and headers, asking the base for the rest.
 */
public abstract class LayeredExpansionContext implements ExpansionContext {
    protected final ExpansionContext base;

    protected LayeredExpansionContext(ExpansionContext base) {
        this.base = base;
    }

    @Override
    public NamedLists namedLists() {
        return base.namedLists();
    }

    @Override
    public Lookups lookups() {
        return base.lookups();
    }

    @Override
    public AclRunner acls() {
        return base.acls();
    }

    @Override
    public AuthBackends authBackends() {
        return base.authBackends();
    }

    @Override
    public Optional<String> option(String name) {
        return base.option(name);
    }

    @Override
    public java.util.Set<ForbiddenItem> forbiddenItems() {
        return base.forbiddenItems();
    }
}
