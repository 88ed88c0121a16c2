package org.jexim.server;

import org.jexim.address.AddressItem;
import org.jexim.log.Delivery;
import org.jexim.log.EximLog;
import org.jexim.transport.DeliveryLog;

/** The delivery log of the jexim daemon: Exim's mainlog lines, through {@link EximLog}. */
public final class EximDeliveryLog implements DeliveryLog {
    @Override
    public void delivered(String messageId, AddressItem address, String router, String transport) {
        EximLog.main().delivered(Delivery.local(messageId, address.address(),
                DeliveryLog.original(address).address(), router, transport));
    }

    @Override
    public void deferred(String messageId, AddressItem address, String router, String transport, String message) {
        EximLog.main().deferred(delivery(messageId, address, router, transport), -1, message);
    }

    @Override
    public void failed(String messageId, AddressItem address, String router, String transport, String message) {
        EximLog.main().failed(delivery(messageId, address, router, transport), message);
    }

    private static Delivery delivery(String messageId, AddressItem address, String router, String transport) {
        Delivery d = Delivery.routed(messageId, address.address(), router);
        if (transport != null) {
            d = Delivery.local(messageId, address.address(), DeliveryLog.original(address).address(), router, transport);
        }
        return d;
    }
}
