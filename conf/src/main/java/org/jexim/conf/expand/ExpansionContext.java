package org.jexim.conf.expand;

import java.util.Optional;

/**
 * What an expansion can see: variables by name (without the $), and the configuration it runs
 * in (named lists, lookups). Implementations exist for -be, for routing one address, and for
 * an SMTP session.
 */
public interface ExpansionContext {
    /** The value of $name, or empty when the variable is unknown here. */
    Optional<String> variable(String name);
}
