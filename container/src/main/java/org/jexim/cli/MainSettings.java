package org.jexim.cli;

import java.util.Optional;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.lists.NamedLists;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.NamedList;
import org.jexim.conf.model.OptionSetting;
import org.jexim.conf.model.RewriteRule;
import org.jexim.routing.rewrite.Rewriter;

/**
 * The main options the address commands (-bt, -bv, -brw) share: the host name and the qualify
 * domains with Exim's defaults, and the rewrite section as a {@link Rewriter}.
 */
record MainSettings(Configuration config, String primaryHostname, String qualifyDomain, String qualifyRecipient) {
    static MainSettings of(Configuration config) {
        String host = option(config, "primary_hostname").orElseGet(org.jexim.conf.options.DefaultHostName::primaryHostName);
        String qualifyDomain = option(config, "qualify_domain").orElse(host);
        String qualifyRecipient = option(config, "qualify_recipient").orElse(qualifyDomain);
        return new MainSettings(config, host, qualifyDomain, qualifyRecipient);
    }

    static Optional<String> option(Configuration config, String name) {
        return config.mainOption(name).map(OptionSetting::text);
    }

    /** The rewrite section, expanding replacements with the main variables and named lists. */
    Rewriter rewriter() {
        java.util.List<RewriteRule> rules = config.rewriteRules();
        NamedLists lists = (kind, name) -> config.namedList(kind, name).map(NamedList::value);
        ExpansionContext context = new ExpansionContext() {
            @Override
            public Optional<String> variable(String name) {
                return switch (name) {
                    case "primary_hostname" -> Optional.of(primaryHostname);
                    case "qualify_domain" -> Optional.of(qualifyDomain);
                    case "qualify_recipient" -> Optional.of(qualifyRecipient);
                    default -> Optional.empty();
                };
            }

            @Override
            public NamedLists namedLists() {
                return lists;
            }
        };
        return new Rewriter(rules, true, context, qualifyRecipient, qualifyDomain);
    }
}
