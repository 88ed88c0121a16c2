package org.jexim.transport;

import java.util.List;

/** One transport of the configure file, built by {@link TransportFactory}. */
public interface Transport {
    String name();

    DeliveryResult deliver(Delivery delivery);

    /**
     * Delivers the addresses of one message that a router gave this transport, results in the
     * same order. One at a time unless the driver batches (smtp's transactions, batch_max).
     */
    default List<DeliveryResult> deliverAll(List<Delivery> deliveries) {
        return deliveries.stream().map(this::deliver).toList();
    }

    /**
     * The addresses were routed to this transport but not delivered (first-pass routing): a remote
     * transport records that the message waits for their hosts (Exim's wait-TRANSPORT hints).
     */
    default void routedOnly(List<Delivery> deliveries) {
    }

    /** Local transports' failures show as "local delivery failed" in bounces; remote ones show the error. */
    default boolean local() {
        return true;
    }
}
