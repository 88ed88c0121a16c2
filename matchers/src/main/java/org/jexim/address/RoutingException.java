package org.jexim.address;

/** Routing could not decide (a lookup or expansion failed, a feature is missing): Exim defers. */
public class RoutingException extends Exception {
    public RoutingException(String message) {
        super(message);
    }
}
