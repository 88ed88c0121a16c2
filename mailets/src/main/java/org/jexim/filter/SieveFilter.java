package org.jexim.filter;

import java.util.List;
import org.jexim.filter.FilterResult.Outcome;

/** Sieve filter files ("# Sieve filter"). */
final class SieveFilter {
    private SieveFilter() {
    }

    static FilterResult run(String text, FilterSetup setup, FilterMessage message, FilterAddress address) {
        FilterResult r = new FilterResult(Outcome.ERROR, "Sieve filters are not supported by jexim yet",
                List.of(), new int[10], message);
        if (setup.testing()) {
            setup.testOutput().print(r.summary() + "\n");
        }
        return r;
    }
}
