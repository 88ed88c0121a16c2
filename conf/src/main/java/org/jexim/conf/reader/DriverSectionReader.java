package org.jexim.conf.reader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.SourceLocation;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.DriverKind;
import org.jexim.conf.model.OptionSetting;
import org.jexim.conf.options.OptionTable;
import org.jexim.conf.options.OptionTables;

/**
 * Reads the routers, transports or authenticators section into driver instances, as Exim's
 * readconf_driver_init(): "name:" starts an instance, generic options are tried first, private
 * options need the "driver" option before them.
 */
final class DriverSectionReader {
    private final DriverKind kind;
    private final LineReader lines;
    private final MacroTable macros;
    private final OptionAssigner assigner;
    private final DriverChecks checks;

    DriverSectionReader(DriverKind kind, LineReader lines, MacroTable macros, OptionAssigner assigner,
                        DriverChecks checks) {
        this.kind = kind;
        this.lines = lines;
        this.macros = macros;
        this.assigner = assigner;
        this.checks = checks;
    }

    /** An instance being read. */
    private static final class Pending {
        final String name;
        final SourceLocation location;
        final Map<String, OptionSetting> options = new LinkedHashMap<>();
        final Set<String> seen = new HashSet<>();
        OptionTable privateOptions;
        String driver;

        Pending(String name, SourceLocation location) {
            this.name = name;
            this.location = location;
        }
    }

    List<DriverInstance> read() throws ConfigurationException {
        List<DriverInstance> done = new ArrayList<>();
        String singular = kind.singular();
        OptionTable generic = OptionTables.generic(kind);
        Pending d = null;
        LogicalLine line;
        while ((line = lines.next()) != null) {
            String text = line.text();
            Names name;
            try {
                name = Names.read(text, 0);
            } catch (Names.NameTooLong e) {
                throw new ConfigurationException(line.last(), e.getMessage());
            }
            char after = Ascii.at(text, name.end());
            if (Ascii.isUpper(Ascii.at(name.name(), 0)) && after == '=') {
                if (d != null) {
                    done.add(finish(d));
                    d = null;
                }
                macros.define(text, line.last());
                continue;
            }
            if (after == ':') {
                if (d != null) {
                    done.add(finish(d));
                }
                for (DriverInstance other : done) {
                    if (other.name().equals(name.name())) {
                        throw new ConfigurationException(null,
                                "there are two " + singular + "s called \"" + name.name() + "\"");
                    }
                }
                d = new Pending(name.name(), line.start());
                int rest = Ascii.skipSpace(text, name.end() + 1);
                if (rest < text.length()) {
                    throw new ConfigurationException(line.last(), OptionValueReader.extra(text.substring(rest),
                            "driver name " + name.name()));
                }
                continue;
            }
            if (d == null) {
                throw new ConfigurationException(line.last(), singular + " name missing");
            }
            if (assigner.assign(line, generic, d.options, d.seen, null)) {
                if (d.privateOptions == null && d.options.containsKey("driver")) {
                    d.driver = (String) d.options.get("driver").value();
                    d.privateOptions = OptionTables.driverNames(kind).contains(d.driver)
                            ? OptionTables.driver(kind, d.driver).orElse(null) : null;
                    if (d.privateOptions == null) {
                        throw new ConfigurationException(line.last(), singular + " " + d.name + ": cannot find "
                                + singular + " driver \"" + d.driver + "\"");
                    }
                }
            } else if (d.privateOptions != null) {
                assigner.assign(line, d.privateOptions, d.options, d.seen, "option \"%s\" unknown");
            } else {
                throw new ConfigurationException(line.last(), "option \"" + name.name()
                        + "\" unknown (\"driver\" must be specified before any private options)");
            }
        }
        if (d != null) {
            done.add(finish(d));
        }
        return done;
    }

    /** Exim's driver_init_fini(): the instance must name a driver, then the driver checks it. */
    private DriverInstance finish(Pending d) throws ConfigurationException {
        if (d.driver == null) {
            throw new ConfigurationException(null, "no driver defined for " + kind.singular() + " \"" + d.name + "\"");
        }
        DriverInstance instance = new DriverInstance(kind, d.name, d.driver, d.options, d.location);
        checks.checkInstance(instance);
        return instance;
    }
}
