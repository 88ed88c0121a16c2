package org.jexim.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.DriverKind;
import org.jexim.conf.model.OptionSetting;
import org.jexim.conf.options.OptionDef;
import org.jexim.conf.options.OptionTable;
import org.jexim.conf.options.OptionTables;

/**
 * The options of one thing -bP prints (the main section, or one driver instance): the option
 * tables in print order, the settings made in the configure, and the defaults of the unset ones.
 */
final class OptionScope {
    private final List<OptionTable> tables;
    private final Map<String, OptionSetting> settings;
    private final DriverKind kind;
    private final DriverInstance instance;
    private final Set<String> hiddenNames;

    private OptionScope(List<OptionTable> tables, Map<String, OptionSetting> settings, DriverKind kind,
                        DriverInstance instance, Set<String> hiddenNames) {
        this.tables = tables;
        this.settings = settings;
        this.kind = kind;
        this.instance = instance;
        this.hiddenNames = hiddenNames;
    }

    static OptionScope main(Map<String, OptionSetting> settings) {
        Set<String> hidden = new HashSet<>();
        settings.values().stream().filter(OptionSetting::hidden).forEach(s -> hidden.add(s.name()));
        return new OptionScope(List.of(OptionTables.main()), settings, null, null, hidden);
    }

    /**
     * One driver instance. {@code siblings} are all instances of the same kind: Exim marks a
     * {@code hide} on the option table it shares between instances, so an option hidden in one
     * router is hidden in every router that has it.
     */
    static OptionScope driver(DriverInstance instance, List<DriverInstance> siblings) {
        List<OptionTable> tables = new ArrayList<>();
        tables.add(OptionTables.generic(instance.kind()));
        OptionTables.driver(instance.kind(), instance.driver()).ifPresent(tables::add);
        // generic options share one table per kind, private options one table per driver
        Set<String> hidden = new HashSet<>();
        OptionTable generic = OptionTables.generic(instance.kind());
        for (DriverInstance d : siblings) {
            for (OptionSetting s : d.options().values()) {
                if (!s.hidden()) {
                    continue;
                }
                if (generic.find(s.name()).orElse(null) == s.def()) {
                    hidden.add(s.name());
                } else if (d.driver().equals(instance.driver())) {
                    hidden.add(s.name());
                }
            }
        }
        return new OptionScope(tables, instance.options(), instance.kind(), instance, hidden);
    }

    /** The options -bP lists for this scope, in order. */
    List<OptionDef> printable() {
        List<OptionDef> out = new ArrayList<>();
        tables.forEach(t -> out.addAll(t.all()));
        return out;
    }

    /** An option by name, hidden synonyms included. */
    Optional<OptionDef> find(String name) {
        for (OptionTable t : tables) {
            Optional<OptionDef> d = t.find(name);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** The last setting that changed this option, directly or through a synonym. */
    Optional<OptionSetting> setting(OptionDef def) {
        OptionSetting found = null;
        for (OptionSetting s : settings.values()) {
            if (s.def() == def || !java.util.Collections.disjoint(s.def().targets(), def.targets())) {
                found = s;   // the map keeps configure order: the last one wins
            }
        }
        return Optional.ofNullable(found);
    }

    Optional<OptionSetting> setting(String name) {
        return find(name).flatMap(this::setting);
    }

    /**
     * Whether {@code hide} was used on this option, as written: Exim marks the table entry of
     * the name used, so hiding a synonym does not hide the option it stands for.
     */
    boolean hidden(OptionDef def) {
        return hiddenNames.contains(def.name());
    }

    /** The default -bP shows for an unset option, before any adjustment made from other options. */
    String defaultText(OptionDef def) {
        if (!def.sameAs().isEmpty()) {
            // a synonym shows the value of the option it stands for
            OptionDef target = find(def.sameAs().get(0)).orElse(null);
            if (target != null && target != def) {
                return defaultText(target);
            }
        }
        if (kind != null && OptionTables.generic(kind).find(def.name()).orElse(null) == def) {
            return OptionTables.genericDefault(kind, instance.driver(), def);
        }
        return def.defaultText();
    }

    /** Null for the main section. */
    DriverInstance instance() {
        return instance;
    }
}
