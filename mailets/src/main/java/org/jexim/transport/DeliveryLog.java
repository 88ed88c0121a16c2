package org.jexim.transport;

import com.google.inject.ImplementedBy;
import org.jexim.address.AddressItem;

/**
 * Where transports report each address's fate: delivered ({@code =>}), deferred
 * ({@code ==}) or failed ({@code **}). jexim's container writes Exim's mainlog; in a stock
 * James the lines go to slf4j.
 */
@ImplementedBy(Slf4jDeliveryLog.class)
public interface DeliveryLog {
    void delivered(String messageId, AddressItem address, String router, String transport);

    void deferred(String messageId, AddressItem address, String router, String transport, String message);

    void failed(String messageId, AddressItem address, String router, String transport, String message);

    /** A transport's outcome with its details (host, TLS, error number); by default the plain line. */
    default void delivered(String messageId, AddressItem address, String router, String transport, DeliveryResult result) {
        delivered(messageId, address, router, transport);
    }

    default void deferred(String messageId, AddressItem address, String router, String transport, DeliveryResult result) {
        deferred(messageId, address, router, transport, result.message());
    }

    default void failed(String messageId, AddressItem address, String router, String transport, DeliveryResult result) {
        failed(messageId, address, router, transport, result.message());
    }

    /**
     * {@code *>}: a delivery that -N suppressed: the transport was not run, and the address
     * counts as delivered.
     */
    default void fakeDelivered(String messageId, AddressItem address, String router, String transport) {
        org.slf4j.LoggerFactory.getLogger("org.jexim.delivery").info("{} *> {} R={} T={}", messageId, address.address(),
            router, transport);
    }

    /** A line about the whole message ("Frozen by the system filter", "cancelled by system filter: ..."). */
    default void message(String messageId, String text) {
        org.slf4j.LoggerFactory.getLogger("org.jexim.delivery").info("{} {}", messageId, text);
    }

    /**
     * A delivery by a transport with {@code disable_logging}: no line, but whatever keeps the
     * delivery from being repeated after a crash (jexim's -J journal) still happens.
     */
    default void deliveredUnlogged(String messageId, AddressItem address) {
    }

    /**
     * A bounce jexim generated is on the spool as message {@code id}: Exim's
     * {@code <= <> R=causeId U=user P=local S=size} arrival line.
     */
    default void bounceReceived(String id, String causeId, String user, long size) {
        org.slf4j.LoggerFactory.getLogger("org.jexim.delivery").info("{} <= <> R={} U={} P=local S={}", id, causeId, user, size);
    }

    /**
     * The variable naming how the log shows an ancestor, when that differs from its address: the
     * system filter's fake parent is {@code system-filter} there, without its domain.
     */
    String LOG_AS = "_log_as";

    /**
     * This log for the outcomes of one transport run that took {@code elapsed}, for Exim's DT= item
     * (log_selector deliver_time); by default the same log.
     */
    default DeliveryLog took(java.time.Duration elapsed) {
        return this;
    }

    /** The top-level address an address descends from (Exim shows it in angle brackets). */
    static AddressItem original(AddressItem address) {
        AddressItem a = address;
        while (a.parent().isPresent()) {
            a = a.parent().get();
        }
        return a;
    }
}
