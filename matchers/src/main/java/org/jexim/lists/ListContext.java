package org.jexim.lists;

import java.util.Optional;
import org.jexim.conf.model.ListKind;

/** What list matching needs from the configuration: named lists and the primary host name. */
public interface ListContext {
    /** The raw value of a named list of that kind, or empty when there is none. */
    Optional<String> namedList(ListKind kind, String name);

    /** primary_hostname, which {@code @} stands for in domain lists. */
    String primaryHostname();

    /** A main option's raw value (what transports read: errors_reply_to, dsn_from ...); none by default. */
    default Optional<String> mainOption(String name) {
        return Optional.empty();
    }
}
