package org.jexim.queuetools;

/**
 * Marks a message for cancellation, as -Mg and timeout_frozen_after do in Exim: its -H file
 * gets {@code -jexim_cancel TEXT}, which Exim's reader skips, and the daemon fails every
 * recipient with that text when it next hands the message out (see the queue's
 * {@code CancelledMails}).
 */
public final class Cancellation {
    /** The option name, shared with the daemon's side. */
    public static final String OPTION = "jexim_cancel";
    /** Exim's text for -Mg. */
    public static final String BY_ADMINISTRATOR = "delivery cancelled by administrator";
    /** Exim's text for timeout_frozen_after. */
    public static final String TIMED_OUT = "delivery cancelled; message timed out";

    private Cancellation() {
    }

    /** Marks the header (the caller holds the message's lock and writes the header back). */
    public static void cancel(HeaderFile header, String text) {
        header.setOption(OPTION, text);
    }
}
