package org.jexim.filter;

import java.util.List;

/**
 * The outcome of interpreting a filter (Exim's FF_* codes), its message, the actions set up, the
 * final $n0..$n9 and the message as the filter left it (a system filter may add/remove headers).
 */
public record FilterResult(Outcome outcome, String message, List<FilterAction> actions, int[] variables,
                           FilterMessage finalMessage) {
    /** FF_DELIVERED ... FF_ERROR. */
    public enum Outcome { DELIVERED, NOT_DELIVERED, DEFER, FAIL, FREEZE, ERROR }

    /** The line -bf prints at the end. */
    public String summary() {
        return switch (outcome) {
            case DEFER -> "Filtering ended by \"defer\".";
            case FREEZE -> "Filtering ended by \"freeze\".";
            case FAIL -> "Filtering ended by \"fail\".";
            case DELIVERED -> "Filtering set up at least one significant delivery or other action.\n"
                    + "No other deliveries will occur.";
            case NOT_DELIVERED -> "Filtering did not set up a significant delivery.\nNormal delivery will occur.";
            case ERROR -> "Filter error: " + message;
        };
    }
}
