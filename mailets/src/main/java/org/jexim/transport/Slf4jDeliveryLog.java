package org.jexim.transport;

import org.jexim.address.AddressItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The delivery log of a stock James: Exim-like lines on the slf4j logger org.jexim.delivery. */
public final class Slf4jDeliveryLog implements DeliveryLog {
    private static final Logger LOGGER = LoggerFactory.getLogger("org.jexim.delivery");

    @Override
    public void delivered(String messageId, AddressItem address, String router, String transport) {
        LOGGER.info("{} => {} <{}> R={} T={}", messageId, address.address(), DeliveryLog.original(address).address(),
                router, transport);
    }

    @Override
    public void deferred(String messageId, AddressItem address, String router, String transport, String message) {
        LOGGER.warn("{} == {} R={} T={} defer: {}", messageId, address.address(), router, transport, message);
    }

    @Override
    public void failed(String messageId, AddressItem address, String router, String transport, String message) {
        LOGGER.warn("{} ** {} R={} T={}: {}", messageId, address.address(), router, transport, message);
    }
}
