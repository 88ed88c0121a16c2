package org.jexim.transport;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.jexim.conf.expand.ExpansionContext;

/**
 * What an expansion sees while a transport runs: the address's variables, plus
 * $return_path, $transport_name and the $tod_ times of the delivery.
 */
final class TransportVariables implements ExpansionContext {
    static final DateTimeFormatter BSD_INBOX = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);
    static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ROOT);

    private final ExpansionContext address;
    private final Delivery delivery;
    private final String transport;
    private final ZonedDateTime now;

    TransportVariables(Delivery delivery, String transport, ZonedDateTime now) {
        this.address = delivery.context().variablesFor(delivery.address());
        this.delivery = delivery;
        this.transport = transport;
        this.now = now;
    }

    @Override
    public Optional<String> variable(String name) {
        return switch (name) {
            case "return_path" -> Optional.of(delivery.returnPath() == null ? "" : delivery.returnPath());
            case "transport_name" -> Optional.of(transport);
            case "tod_bsdinbox" -> Optional.of(BSD_INBOX.format(now));
            case "tod_full" -> Optional.of(FULL.format(now));
            case "tod_epoch" -> Optional.of(Long.toString(now.toEpochSecond()));
            case "message_size" -> Optional.of(Integer.toString(delivery.message().length));
            default -> address.variable(name);
        };
    }
}
