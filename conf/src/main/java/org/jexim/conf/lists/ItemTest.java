package org.jexim.conf.lists;

/** Tests a subject against one list item (Exim's check_string, check_host, check_address). */
@FunctionalInterface
interface ItemTest {
    int OK = 0;
    int FAIL = 1;
    int DEFER = 2;
    int ERROR = 3;

    /** Returns OK, FAIL, DEFER or ERROR; sets the state's value, captures and error. */
    int test(String pattern, MatchState st);
}
