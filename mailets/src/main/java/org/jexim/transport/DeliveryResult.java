package org.jexim.transport;

/**
 * What a transport did with an address: delivered, deferred (retry later) or failed (bounce),
 * with the error for the log and any output the command produced that the bounce returns.
 */
public record DeliveryResult(Kind kind, String message, String output) {
    /** The three outcomes of a delivery attempt. */
    public enum Kind { OK, DEFER, FAIL }

    public static final DeliveryResult OK = new DeliveryResult(Kind.OK, null, null);

    public static DeliveryResult defer(String message) {
        return new DeliveryResult(Kind.DEFER, message, null);
    }

    public static DeliveryResult fail(String message) {
        return new DeliveryResult(Kind.FAIL, message, null);
    }

    /** This result with the text a command wrote (return_output, return_fail_output). */
    public DeliveryResult withOutput(String text) {
        return new DeliveryResult(kind, message, text);
    }
}
