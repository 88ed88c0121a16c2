package org.jexim.mailets;

import org.jexim.address.AddressItem;
import org.jexim.transport.DeliveryLog;
import org.jexim.transport.DeliveryResult;

/** The delivery log of a transport with {@code disable_logging}: no lines, deliveries still journaled. */
final class UnloggedDeliveries implements DeliveryLog {
    private final DeliveryLog log;

    UnloggedDeliveries(DeliveryLog log) {
        this.log = log;
    }

    @Override
    public void fakeDelivered(String messageId, AddressItem address, String router, String transport) {
        log.deliveredUnlogged(messageId, address);
    }

    @Override
    public void delivered(String messageId, AddressItem address, String router, String transport) {
        log.deliveredUnlogged(messageId, address);
    }

    @Override
    public void delivered(String messageId, AddressItem address, String router, String transport, DeliveryResult result) {
        log.deliveredUnlogged(messageId, address);
    }

    @Override
    public void deferred(String messageId, AddressItem address, String router, String transport, String message) {
    }

    @Override
    public void failed(String messageId, AddressItem address, String router, String transport, String message) {
    }
}
