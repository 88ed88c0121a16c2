package org.jexim.routing.rewrite;

import java.util.Optional;

import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.lists.NamedLists;
import org.jexim.runtime.JeximRuntime;

/** The rewrite section of a running configuration, its replacements expanded with the main variables and named lists. */
public final class RuntimeRewriter {
    private RuntimeRewriter() {
    }

    public static Rewriter of(JeximRuntime runtime) {
        ExpansionContext context = new ExpansionContext() {
            @Override
            public Optional<String> variable(String name) {
                return switch (name) {
                    case "primary_hostname" -> Optional.of(runtime.primaryHostname());
                    case "qualify_domain" -> Optional.of(runtime.qualifyDomain());
                    case "qualify_recipient" -> Optional.of(runtime.qualifyRecipient());
                    default -> Optional.empty();
                };
            }

            @Override
            public NamedLists namedLists() {
                return runtime::namedList;
            }
        };
        return new Rewriter(runtime.rewriteRules(), true, context, runtime.qualifyRecipient(), runtime.qualifyDomain());
    }
}
