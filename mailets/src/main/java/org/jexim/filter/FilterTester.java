package org.jexim.filter;

import java.io.PrintStream;

/** What -bf and -bF print for one file: its kind, then the filter's own output (filtertest.c's filter_runtest). */
public final class FilterTester {
    private FilterTester() {
    }

    /** Runs the file in test mode; a system filter needs no "# Exim filter" line. */
    public static FilterResult test(String text, String fileName, boolean system, FilterSetup setup,
                                    FilterMessage message, FilterAddress address, int[] sn) {
        FilterType type = FilterType.of(text);
        if (system && type == FilterType.FORWARD) {
            type = FilterType.EXIM;
        }
        PrintStream out = setup.testOutput();
        out.print("Testing " + switch (type) {
            case EXIM -> "Exim filter";
            case SIEVE -> "Sieve filter";
            case FORWARD -> "forward file";
        } + " file \"" + fileName + "\"\n\n");
        if (type == FilterType.FORWARD) {
            return ForwardFileTester.test(text, setup, address);
        }
        if (type == FilterType.SIEVE) {
            return SieveFilter.run(text, setup, message, address);
        }
        return FilterInterpreter.run(text, setup, message, address, sn);
    }
}
