package org.jexim.conf.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole configure file after reading: macros, main options, named lists, ACLs, drivers,
 * retry and rewrite rules. Maps keep configure order.
 */
public record Configuration(
        Path file,
        Map<String, String> macros,
        Map<String, OptionSetting> mainOptions,
        Map<ListKind, Map<String, NamedList>> namedLists,
        Map<String, Acl> acls,
        List<DriverInstance> routers,
        List<DriverInstance> transports,
        List<DriverInstance> authenticators,
        List<RetryRule> retryRules,
        List<RewriteRule> rewriteRules) {

    public Optional<OptionSetting> mainOption(String name) {
        return Optional.ofNullable(mainOptions.get(name));
    }

    public Optional<NamedList> namedList(ListKind kind, String name) {
        return Optional.ofNullable(namedLists.getOrDefault(kind, Map.of()).get(name));
    }

    public Optional<DriverInstance> router(String name) {
        return routers.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public Optional<DriverInstance> transport(String name) {
        return transports.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
