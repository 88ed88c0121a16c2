package org.jexim.transport;

/** One transport of the configure file, built by {@link TransportFactory}. */
public interface Transport {
    String name();

    DeliveryResult deliver(Delivery delivery);
}
