package org.jexim.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.OptionSetting;
import org.jexim.conf.options.EffectiveOptions;
import org.jexim.conf.options.OptionDef;
import org.jexim.conf.options.OptionTable;
import org.jexim.conf.options.OptionTables;

/**
 * One thing -bP prints (the main section, or one driver instance): its effective options and
 * which of them {@code hide} masks.
 */
final class OptionScope {
    private final EffectiveOptions options;
    private final Set<String> hiddenNames;

    private OptionScope(EffectiveOptions options, Set<String> hiddenNames) {
        this.options = options;
        this.hiddenNames = hiddenNames;
    }

    static OptionScope main(Map<String, OptionSetting> settings) {
        Set<String> hidden = new HashSet<>();
        settings.values().stream().filter(OptionSetting::hidden).forEach(s -> hidden.add(s.name()));
        return new OptionScope(EffectiveOptions.main(settings), hidden);
    }

    /**
     * One driver instance. {@code siblings} are all instances of the same kind: Exim marks a
     * {@code hide} on the option table it shares between instances, so an option hidden in one
     * router is hidden in every router that has it (generic options share one table per kind,
     * private options one table per driver).
     */
    static OptionScope driver(DriverInstance instance, List<DriverInstance> siblings) {
        Set<String> hidden = new HashSet<>();
        OptionTable generic = OptionTables.generic(instance.kind());
        for (DriverInstance d : siblings) {
            for (OptionSetting s : d.options().values()) {
                boolean shared = generic.find(s.name()).orElse(null) == s.def() || d.driver().equals(instance.driver());
                if (s.hidden() && shared) {
                    hidden.add(s.name());
                }
            }
        }
        return new OptionScope(EffectiveOptions.driver(instance), hidden);
    }

    List<OptionDef> printable() {
        return options.printable();
    }

    Optional<OptionDef> find(String name) {
        return options.find(name);
    }

    Optional<OptionSetting> setting(OptionDef def) {
        return options.setting(def);
    }

    Optional<OptionSetting> setting(String name) {
        return options.setting(name);
    }

    Object initValue(OptionDef def) {
        return options.initValue(def);
    }

    /**
     * Whether {@code hide} was used on this option, as written: Exim marks the table entry of
     * the name used, so hiding a synonym does not hide the option it stands for.
     */
    boolean hidden(OptionDef def) {
        return hiddenNames.contains(def.name());
    }

    String defaultText(OptionDef def) {
        return options.defaultText(def);
    }

    /** Null for the main section. */
    DriverInstance instance() {
        return options.instance();
    }
}
