package org.jexim.transport;

/**
 * A transport whose driver jexim translates (options kept) but cannot run yet: deliveries
 * defer with a message saying so.
 */
record UnsupportedTransport(String name, String driver) implements Transport {
    @Override
    public DeliveryResult deliver(Delivery delivery) {
        return DeliveryResult.defer(name + " transport: driver " + driver + " is not implemented in jexim yet");
    }
}
