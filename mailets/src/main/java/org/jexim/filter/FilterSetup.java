package org.jexim.filter;

import java.io.PrintStream;
import org.jexim.conf.expand.ExpansionContext;

/**
 * How a filter runs: the caller's expansion context (configuration, lookups, other variables),
 * what the filter may do, and where -bf prints what would happen ({@code testOutput}; null when
 * the filter runs for real). {@code firstDelivery}/{@code manuallyThawed} describe the delivery
 * attempt for the conditions of those names.
 */
public record FilterSetup(ExpansionContext base, FilterPermissions permissions, PrintStream testOutput,
                          boolean firstDelivery, boolean manuallyThawed) {
    boolean testing() {
        return testOutput != null;
    }
}
