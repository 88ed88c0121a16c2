package org.jexim.transport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.model.ListKind;
import org.jexim.lists.ListContext;

/** What the transport tests share: a fixed clock, a message with a "From " line, one redirected address. */
abstract class TransportFixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:04:05.123456Z"), ZoneOffset.UTC);
    static final ListContext LISTS = new ListContext() {
        @Override
        public Optional<String> namedList(ListKind kind, String name) {
            return Optional.empty();
        }

        @Override
        public String primaryHostname() {
            return "mail.example.org";
        }
    };
    static final byte[] MESSAGE = "Subject: hi\r\nFrom: a@b.example\r\nX-Old: x\r\n  continued\r\n\r\nFrom me\r\n.dot\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    /** The result without the byte count (S=), for comparing a delivery with {@link DeliveryResult#OK}. */
    static DeliveryResult unsized(DeliveryResult r) {
        return r.withSize(-1);
    }

    Delivery delivery(String sender) {
        AddressItem parent = AddressItem.of("postmaster@localhost");
        AddressItem child = parent.child("jexim", "mail.example.org");
        return new Delivery(MESSAGE, sender, child, new RoutingContext(LISTS, "mail.example.org", Map.of()));
    }
}
