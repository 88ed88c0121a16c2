package org.jexim.conf.lists;

/** Mutable state of one list match: the subject forms, caselessness, and what a match returns. */
final class MatchState {
    final ListEnv env;
    final String origSubject;
    String subject;
    boolean caseless;
    /** Exim's expand_setup: -1 no numbered variables, 0 set $0 and up. */
    int expandSetup;
    String value;
    String[] captures;
    String error;
    int depth;

    MatchState(ListEnv env, String origSubject, boolean caseless, int expandSetup) {
        this.env = env;
        this.origSubject = origSubject;
        this.subject = caseless ? Ascii.lower(origSubject) : origSubject;
        this.caseless = caseless;
        this.expandSetup = expandSetup;
    }
}
