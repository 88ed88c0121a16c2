package org.jexim.lists;

import java.util.Optional;

/**
 * The outcome of matching a value against a list: whether it matched, and the data the
 * matching item yielded (a lookup's value, which becomes {@code $domain_data} or
 * {@code $local_part_data}).
 */
public record ListMatch(boolean matched, Optional<String> data) {
    public static final ListMatch NO = new ListMatch(false, Optional.empty());
    public static final ListMatch YES = new ListMatch(true, Optional.empty());

    public static ListMatch withData(String data) {
        return new ListMatch(true, Optional.ofNullable(data));
    }
}
