package org.jexim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexim.conf.SourceLocation;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.DriverKind;
import org.jexim.conf.model.ListKind;
import org.jexim.conf.model.NamedList;
import org.jexim.conf.model.OptionSetting;
import org.jexim.conf.options.OptionDef;
import org.jexim.conf.options.OptionTable;
import org.jexim.conf.options.OptionTables;
import org.jexim.conf.options.OptionValues;
import org.jexim.conf.options.SystemAccounts;

/** Builds Configuration objects by hand, typing option values as the reader does. */
final class OptionConfigFixture {
    static final Path FILE = Path.of("/etc/jexim/configure");
    final SystemAccounts accounts;
    final Map<String, String> macros = new LinkedHashMap<>();
    final Map<String, OptionSetting> main = new LinkedHashMap<>();
    final Map<ListKind, Map<String, NamedList>> lists = new EnumMap<>(ListKind.class);
    final List<DriverInstance> routers = new ArrayList<>();
    final List<DriverInstance> transports = new ArrayList<>();
    final List<DriverInstance> authenticators = new ArrayList<>();
    private int line;

    OptionConfigFixture(SystemAccounts accounts) {
        this.accounts = accounts;
    }

    OptionConfigFixture main(String name, String text) {
        main.put(name, setting(OptionTables.main(), null, name, text, false));
        return this;
    }

    OptionConfigFixture hiddenMain(String name, String text) {
        main.put(name, setting(OptionTables.main(), null, name, text, true));
        return this;
    }

    OptionConfigFixture macro(String name, String value) {
        macros.put(name, value);
        return this;
    }

    OptionConfigFixture list(ListKind kind, String name, String value, boolean hidden) {
        lists.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                .put(name, new NamedList(kind, name, value, hidden, new SourceLocation(FILE, ++line)));
        return this;
    }

    /** A driver instance; {@code options} alternate name and text ("hide name" hides it). */
    OptionConfigFixture driver(DriverKind kind, String name, String driver, String... options) {
        Map<String, OptionSetting> set = new LinkedHashMap<>();
        set.put("driver", setting(OptionTables.generic(kind), null, "driver", driver, false));
        OptionTable priv = OptionTables.driver(kind, driver).orElseThrow();
        for (int i = 0; i < options.length; i += 2) {
            boolean hide = options[i].startsWith("hide ");
            String opt = hide ? options[i].substring(5) : options[i];
            set.put(opt, setting(OptionTables.generic(kind), priv, opt, options[i + 1], hide));
        }
        DriverInstance d = new DriverInstance(kind, name, driver, set, new SourceLocation(FILE, ++line));
        switch (kind) {
            case ROUTER -> routers.add(d);
            case TRANSPORT -> transports.add(d);
            case AUTHENTICATOR -> authenticators.add(d);
        }
        return this;
    }

    Configuration build() {
        return new Configuration(FILE, macros, main, lists, new LinkedHashMap<>(), routers, transports,
                authenticators, List.of(), List.of());
    }

    private OptionSetting setting(OptionTable table, OptionTable priv, String name, String text, boolean hidden) {
        boolean negated = false;
        OptionDef def = priv != null ? priv.find(name).orElse(null) : null;
        if (def == null) {
            def = table.find(name).orElse(null);
        }
        if (def == null && name.startsWith("no_")) {
            negated = true;
            String bare = name.substring(3);
            def = priv != null ? priv.find(bare).orElse(table.find(bare).orElseThrow()) : table.find(bare).orElseThrow();
        }
        if (def == null) {
            throw new IllegalArgumentException("no option " + name);
        }
        try {
            Object value = negated ? Boolean.FALSE : OptionValues.parse(def, text, accounts);
            return new OptionSetting(def, value, text, hidden, new SourceLocation(FILE, ++line));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
