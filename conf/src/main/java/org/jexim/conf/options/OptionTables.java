package org.jexim.conf.options;

import java.util.List;
import java.util.Optional;
import org.jexim.conf.model.DriverKind;

/**
 * The registry of every option table Exim 4.96 has: the main options, the generic options of
 * each driver kind, and the private options of each driver.
 */
public final class OptionTables {
    private OptionTables() {
    }

    public static OptionTable main() {
        throw new UnsupportedOperationException("filled in by the option tables work");
    }

    public static OptionTable generic(DriverKind kind) {
        throw new UnsupportedOperationException("filled in by the option tables work");
    }

    /** Private options of a driver ("appendfile", "redirect", ...), empty for an unknown driver. */
    public static Optional<OptionTable> driver(DriverKind kind, String driver) {
        throw new UnsupportedOperationException("filled in by the option tables work");
    }

    /** The driver names of a kind, as -bV lists them. */
    public static List<String> driverNames(DriverKind kind) {
        throw new UnsupportedOperationException("filled in by the option tables work");
    }
}
