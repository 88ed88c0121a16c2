package org.jexim.conf.options;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The options of one scope (main, generic router options, the appendfile transport, ...), by name. */
public final class OptionTable {
    private final String scope;
    private final Map<String, OptionDef> byName = new LinkedHashMap<>();

    public OptionTable(String scope, List<OptionDef> defs) {
        this.scope = scope;
        defs.forEach(d -> byName.put(d.name(), d));
    }

    /** "main", "router", "appendfile", ... for messages. */
    public String scope() {
        return scope;
    }

    /** The option of that name, hidden synonyms included. */
    public Optional<OptionDef> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All options in the order -bP prints them (hidden synonyms left out). */
    public Collection<OptionDef> all() {
        return byName.values().stream().filter(d -> !d.hidden()).toList();
    }

    /** Every option, hidden synonyms included, in table order. */
    public Collection<OptionDef> allIncludingHidden() {
        return Collections.unmodifiableCollection(byName.values());
    }
}
