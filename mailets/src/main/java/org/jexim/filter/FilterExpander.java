package org.jexim.filter;

import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.ExpansionException;

/** Expands a filter's strings in its context, with Exim's error texts for conditions and commands. */
final class FilterExpander {
    private final ExpansionContext context;

    FilterExpander(ExpansionContext context) {
        this.context = context;
    }

    String condition(String s) throws FilterException {
        try {
            return Expander.expand(s, context);
        } catch (ExpansionException e) {
            throw new FilterException("failed to expand \"" + s + "\" in filter file: " + e.getMessage());
        }
    }

    String command(String s, String command) throws FilterException {
        if (s == null) {
            return null;
        }
        try {
            return Expander.expand(s, context);
        } catch (ExpansionException e) {
            throw new FilterException("failed to expand \"" + s + "\" in " + command + " command: " + e.getMessage());
        }
    }

    /** A variable of the context (qualify_recipient ...), or "" when unset. */
    String variable(String name) {
        return context.variable(name).orElse("");
    }
}
