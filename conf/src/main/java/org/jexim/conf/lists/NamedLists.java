package org.jexim.conf.lists;

import java.util.Map;
import java.util.Optional;
import org.jexim.conf.model.ListKind;

/** The named lists of a configuration, for {@code +name} items. */
@FunctionalInterface
public interface NamedLists {
    NamedLists NONE = (kind, name) -> Optional.empty();

    /** The raw value of the named list, or empty when there is none of that kind. */
    Optional<String> list(ListKind kind, String name);

    /** Named lists from a map per kind (e.g. a Configuration's namedLists, values being the raw lists). */
    static NamedLists of(Map<ListKind, Map<String, String>> lists) {
        return (kind, name) -> Optional.ofNullable(lists.getOrDefault(kind, Map.of()).get(name));
    }
}
