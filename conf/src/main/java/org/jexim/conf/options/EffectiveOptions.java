package org.jexim.conf.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.DriverKind;
import org.jexim.conf.model.OptionSetting;

/**
 * The options of the main section or of one driver instance as Exim works with them after
 * reading: what the configure set (directly or through a synonym), what the driver's init
 * function derives from other settings (an appendfile's mbox affixes, an smtp transport's port,
 * a router's retry_use_local_part ...), and otherwise the static default. -bP prints these; the
 * translator and the mailets can read the same values.
 */
public final class EffectiveOptions {
    private final List<OptionTable> tables;
    private final Map<String, OptionSetting> settings;
    private final DriverInstance instance;

    private EffectiveOptions(List<OptionTable> tables, Map<String, OptionSetting> settings, DriverInstance instance) {
        this.tables = tables;
        this.settings = settings;
        this.instance = instance;
    }

    /** The main section, from its settings. */
    public static EffectiveOptions main(Map<String, OptionSetting> settings) {
        return new EffectiveOptions(List.of(OptionTables.main()), settings, null);
    }

    /** One router, transport or authenticator: its generic options, then its driver's. */
    public static EffectiveOptions driver(DriverInstance instance) {
        List<OptionTable> tables = new ArrayList<>();
        tables.add(OptionTables.generic(instance.kind()));
        OptionTables.driver(instance.kind(), instance.driver()).ifPresent(tables::add);
        return new EffectiveOptions(tables, instance.options(), instance);
    }

    /** The options -bP lists for this scope, in order. */
    public List<OptionDef> printable() {
        List<OptionDef> out = new ArrayList<>();
        tables.forEach(t -> out.addAll(t.all()));
        return out;
    }

    /** An option by name, hidden synonyms included. */
    public Optional<OptionDef> find(String name) {
        for (OptionTable t : tables) {
            Optional<OptionDef> d = t.find(name);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** The last setting that changed this option, directly or through a synonym. */
    public Optional<OptionSetting> setting(OptionDef def) {
        OptionSetting found = null;
        for (OptionSetting s : settings.values()) {
            if (s.def() == def || !Collections.disjoint(s.def().targets(), def.targets())) {
                found = s;   // the map keeps configure order: the last one wins
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<OptionSetting> setting(String name) {
        return find(name).flatMap(this::setting);
    }

    /**
     * The value the driver's init function gives this option, typed as {@link OptionValues}
     * types it, or null when init leaves it alone. It overrides the setting when not null.
     */
    public Object initValue(OptionDef def) {
        return DriverInitValues.value(this, def);
    }

    /**
     * The static default as -bP prints it: per driver for the few generic options whose
     * default depends on the driver, and a synonym's is that of the option it stands for.
     */
    public String defaultText(OptionDef def) {
        if (!def.sameAs().isEmpty()) {
            OptionDef target = find(def.sameAs().get(0)).orElse(null);
            if (target != null && target != def) {
                return defaultText(target);
            }
        }
        if (instance != null && OptionTables.generic(instance.kind()).find(def.name()).orElse(null) == def) {
            return OptionTables.genericDefault(instance.kind(), instance.driver(), def);
        }
        return def.defaultText();
    }

    /**
     * The typed value Exim works with: the init function's, else the setting's, else the
     * static default's (null when unset). Defaults computed from the host or from other main
     * options (primary_hostname, qualify_domain ...) are not included.
     */
    public Object value(String name) {
        OptionDef def = find(name).orElseThrow(() -> new IllegalArgumentException("no option " + name));
        Object init = initValue(def);
        if (init != null) {
            return init;
        }
        Optional<OptionSetting> s = setting(def);
        if (s.isPresent()) {
            return s.get().value();
        }
        String text = defaultText(def);
        if (text == null) {
            return null;
        }
        try {
            return OptionValues.parse(def, def.type() == OptionType.STRING ? unprint(text) : text);
        } catch (OptionValueException e) {
            throw new IllegalStateException("bad default for " + name + ": " + text, e);
        }
    }

    /** Undoes -bP's escaping of non-printing characters (\n, \t, \ooo) in a default. */
    private static String unprint(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char n = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            if (c == '\\' && "nrtbfv".indexOf(n) >= 0 && n != 0) {
                b.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> (char) 0x0b;
                });
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The driver instance, or null for the main section. */
    public DriverInstance instance() {
        return instance;
    }

    /** The kind of driver, or null for the main section. */
    public DriverKind kind() {
        return instance == null ? null : instance.kind();
    }
}
