package org.jexim.cli;

import java.util.function.Supplier;
import org.jexim.conf.options.SystemAccounts;

/**
 * How -bP prints: whether the caller is an Exim admin (who sees {@code hide} values), whether
 * -n asked for values without labels, where users and groups are looked up, and this host's
 * name (the default of primary_hostname).
 */
record OptionPrintSettings(boolean admin, boolean noLabels, SystemAccounts accounts, Supplier<String> hostName) {
}
