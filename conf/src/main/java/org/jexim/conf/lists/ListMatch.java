package org.jexim.conf.lists;

/**
 * The outcome of matching a subject against a list: yes, no, or defer (a lookup could not be
 * done, with its message). {@code value} is what Exim puts in $domain_data, $local_part_data
 * ... (a lookup's data, or the matching item); {@code captures} are $0.. when set.
 */
public record ListMatch(Outcome outcome, String value, String[] captures, String error) {
    /** Exim's OK / FAIL / DEFER. */
    public enum Outcome { MATCH, NO_MATCH, DEFER }

    public static final ListMatch NO = new ListMatch(Outcome.NO_MATCH, null, null, null);

    public static ListMatch defer(String error) {
        return new ListMatch(Outcome.DEFER, null, null, error);
    }

    public boolean matched() {
        return outcome == Outcome.MATCH;
    }

    public boolean deferred() {
        return outcome == Outcome.DEFER;
    }
}
