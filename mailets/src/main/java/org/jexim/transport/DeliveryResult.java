package org.jexim.transport;

/** What a transport did with an address: delivered, deferred (retry later) or failed (bounce). */
public record DeliveryResult(Kind kind, String message) {
    /** The three outcomes of a delivery attempt. */
    public enum Kind { OK, DEFER, FAIL }

    public static final DeliveryResult OK = new DeliveryResult(Kind.OK, null);

    public static DeliveryResult defer(String message) {
        return new DeliveryResult(Kind.DEFER, message);
    }

    public static DeliveryResult fail(String message) {
        return new DeliveryResult(Kind.FAIL, message);
    }
}
