package org.jexim.transport;

import com.google.inject.ImplementedBy;
import java.util.Set;

/**
 * Starts the delivery of messages that wait for a host now that a connection to it is open, as
 * Exim's smtp transport passes its connection on to them (continued delivery). jexim's container
 * schedules them on the spool; in a stock James nothing happens and they wait for their retry.
 */
@ImplementedBy(WaitingDeliveries.None.class)
public interface WaitingDeliveries {
    void deliverNow(Set<String> messageIds);

    /** No spool to schedule on: the messages wait for their retry times. */
    final class None implements WaitingDeliveries {
        @Override
        public void deliverNow(Set<String> messageIds) {
        }
    }
}
