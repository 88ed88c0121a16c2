package org.jexim.conf.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jexim.conf.model.DriverKind;

/**
 * The registry of every option table Exim 4.96 has: the main options, the generic options of
 * each driver kind, and the private options of each driver. Loaded once from the data files
 * in this package's resources.
 */
public final class OptionTables {
    private static final OptionTable MAIN = OptionTableLoader.load("main", "main.tsv");
    private static final Map<DriverKind, OptionTable> GENERIC = new EnumMap<>(DriverKind.class);
    private static final Map<DriverKind, Map<String, OptionTable>> DRIVERS = new EnumMap<>(DriverKind.class);
    private static final Map<String, String> DRIVER_DEFAULTS = new HashMap<>();
    private static final Map<DriverKind, List<String>> BUILT = new EnumMap<>(DriverKind.class);

    static {
        for (DriverKind kind : DriverKind.values()) {
            GENERIC.put(kind, OptionTableLoader.load(kind.singular(), kind.section() + ".tsv"));
            DRIVERS.put(kind, new LinkedHashMap<>());
            BUILT.put(kind, new ArrayList<>());
        }
        for (String[] f : OptionTableLoader.rows("drivers.tsv", 3)) {
            DriverKind kind = kindOf(f[0]);
            DRIVERS.get(kind).put(f[1], OptionTableLoader.load(f[1], f[0] + "-" + f[1] + ".tsv"));
            if (f[2].equals("yes")) {
                BUILT.get(kind).add(f[1]);
            }
        }
        for (String[] f : OptionTableLoader.rows("driver-defaults.tsv", 4)) {
            DRIVER_DEFAULTS.put(f[0] + "/" + f[1] + "/" + f[2], f[3]);
        }
    }

    private OptionTables() {
    }

    public static OptionTable main() {
        return MAIN;
    }

    public static OptionTable generic(DriverKind kind) {
        return GENERIC.get(kind);
    }

    /** Private options of a driver ("appendfile", "redirect", ...), empty for an unknown driver. */
    public static Optional<OptionTable> driver(DriverKind kind, String driver) {
        return Optional.ofNullable(DRIVERS.get(kind).get(driver));
    }

    /**
     * The driver names of a kind, as -bV lists them: those built into the reference Exim 4.96
     * binary (Debian's exim4-daemon-heavy has no gsasl and no heimdal_gssapi).
     */
    public static List<String> driverNames(DriverKind kind) {
        return Collections.unmodifiableList(BUILT.get(kind));
    }

    /** Every driver of a kind that Exim 4.96 documents, built into the reference binary or not. */
    public static List<String> allDriverNames(DriverKind kind) {
        return List.copyOf(DRIVERS.get(kind).keySet());
    }

    /**
     * The default of a generic option for one driver, as -bP prints it: a few generic options
     * default differently per driver (log_as_local is true for accept, retry_use_local_part for
     * the local transports).
     */
    public static String genericDefault(DriverKind kind, String driver, OptionDef generic) {
        return DRIVER_DEFAULTS.getOrDefault(kind.singular() + "/" + driver + "/" + generic.name(),
                generic.defaultText());
    }

    private static DriverKind kindOf(String singular) {
        for (DriverKind k : DriverKind.values()) {
            if (k.singular().equals(singular)) {
                return k;
            }
        }
        throw new IllegalStateException("unknown driver kind " + singular);
    }
}
