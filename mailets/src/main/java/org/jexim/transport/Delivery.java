package org.jexim.transport;

import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;

/**
 * One address to deliver with one transport: the message as received (CRLF or LF lines, streamed
 * from its source), its return path (empty for a bounce), and the routed address with its variables.
 */
public record Delivery(MessageSource message, String returnPath, AddressItem address, RoutingContext context) {
    /** The address variable set when the delivery ignores retry times (-qf, -M): hosts' hints too. */
    public static final String FORCED = "_deliver_force";

    public Delivery {
        message = MessageSource.measured(message);
    }

    /** A message given as bytes (tests, generated messages). */
    public Delivery(byte[] message, String returnPath, AddressItem address, RoutingContext context) {
        this(MessageSource.of(message), returnPath, address, context);
    }

    /** Whether this delivery ignores retry times (Exim's deliver_force). */
    public boolean forced() {
        return address.variables().containsKey(FORCED);
    }

    /** The top-level address this one descends from, which Exim writes in Envelope-to:. */
    public AddressItem originalAddress() {
        AddressItem a = address;
        while (a.parent().isPresent()) {
            a = a.parent().get();
        }
        return a;
    }
}
