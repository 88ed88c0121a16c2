package org.jexim.filter;

/**
 * The mutable state of one filter run: the variables $n0..$n9 (and $sn0..$sn9 from the system
 * filter), $thisaddress, the numbered variables of the last successful "matches", the message
 * (a system filter's headers commands change it) and whether a significant delivery happened.
 */
final class FilterState {
    private final int[] n = new int[10];
    private final int[] sn;
    private final FilterAddress address;
    private FilterMessage message;
    private String thisAddress;
    private String[] captures;
    boolean delivered;
    boolean finished;
    String logFile;
    /** Set by "headers charset": what $h_ and rfc2047d decode into from then on. */
    String headersCharset;
    int logMode = 0600;

    FilterState(FilterMessage message, FilterAddress address, int[] sn) {
        this.message = message;
        this.address = address;
        this.sn = sn == null ? new int[10] : sn.clone();
    }

    int[] n() {
        return n;
    }

    int[] sn() {
        return sn;
    }

    FilterAddress address() {
        return address;
    }

    FilterMessage message() {
        return message;
    }

    void message(FilterMessage m) {
        message = m;
    }

    String thisAddress() {
        return thisAddress;
    }

    void thisAddress(String a) {
        thisAddress = a;
    }

    String[] captures() {
        return captures;
    }

    void captures(String[] c) {
        captures = c;
    }
}
