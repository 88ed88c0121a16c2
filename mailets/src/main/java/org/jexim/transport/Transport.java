package org.jexim.transport;

/** One transport of the configure file, built by {@link TransportFactory}. */
public interface Transport {
    String name();

    DeliveryResult deliver(Delivery delivery);

    /** Local transports' failures show as "local delivery failed" in bounces; remote ones show the error. */
    default boolean local() {
        return true;
    }
}
