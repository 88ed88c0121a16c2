package org.jexim.transport;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jexim.conf.expand.AclRunner;
import org.jexim.conf.expand.AuthBackends;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.HeaderKind;
import org.jexim.conf.lookup.Lookups;
import org.jexim.conf.lists.NamedLists;

/**
 * What an expansion sees while a transport runs: the address's variables, plus
 * $return_path, $transport_name, the $tod_ times of the delivery, and what the transport sets
 * as it goes ($host, $host_address, $host_port, $auth1..., $quota...).
 */
final class TransportVariables implements ExpansionContext {
    static final DateTimeFormatter BSD_INBOX = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);
    static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ROOT);

    private final ExpansionContext address;
    private final Delivery delivery;
    private final String transport;
    private final ZonedDateTime now;
    private final Map<String, String> set = new HashMap<>();

    TransportVariables(Delivery delivery, String transport, ZonedDateTime now) {
        this.address = delivery.context().variablesFor(delivery.address());
        this.delivery = delivery;
        this.transport = transport;
        this.now = now;
    }

    /**
     * The variables of a delivery with the generic options that change them: {@code home_directory}
     * ($home) and {@code return_path} ($return_path, the envelope sender of this copy).
     */
    static TransportVariables of(TransportOptions options, Delivery delivery, String transport, ZonedDateTime now)
            throws org.jexim.conf.expand.ExpansionException {
        TransportVariables vars = new TransportVariables(delivery, transport, now);
        if (options.has("home_directory")) {
            vars.set("home", org.jexim.conf.expand.Expander.expand(options.string("home_directory"), vars));
        }
        if (options.has("return_path")) {
            vars.set("return_path", org.jexim.conf.expand.Expander.expand(options.string("return_path"), vars));
        }
        return vars;
    }

    /** Sets a variable the transport provides from here on ($host, $auth1, ...). */
    TransportVariables set(String name, String value) {
        set.put(name, value);
        return this;
    }

    @Override
    public Optional<String> variable(String name) {
        if (set.containsKey(name)) {
            return Optional.ofNullable(set.get(name));
        }
        return switch (name) {
            case "return_path" -> Optional.of(delivery.returnPath() == null ? "" : delivery.returnPath());
            case "transport_name" -> Optional.of(transport);
            case "tod_bsdinbox" -> Optional.of(BSD_INBOX.format(now));
            case "tod_full" -> Optional.of(FULL.format(now));
            case "tod_epoch" -> Optional.of(Long.toString(now.toEpochSecond()));
            case "message_size" -> messageSize();
            default -> address.variable(name);
        };
    }

    /** Exim's $message_size in a transport: the message's size on the spool (LF lines). */
    private Optional<String> messageSize() {
        try {
            return Optional.of(Long.toString(delivery.message().lfSize()));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean tainted(String name) {
        return address.tainted(name);
    }

    @Override
    public Optional<String> header(String name, HeaderKind kind) {
        return address.header(name, kind);
    }

    @Override
    public NamedLists namedLists() {
        return address.namedLists();
    }

    @Override
    public Lookups lookups() {
        return address.lookups();
    }

    @Override
    public AclRunner acls() {
        return address.acls();
    }

    @Override
    public void setVariable(String name, String value) {
        set.put(name, value);
    }

    @Override
    public AuthBackends authBackends() {
        return address.authBackends();
    }

    /** Main options: the address context's, else the server's configuration (errors_reply_to, dsn_from ...). */
    @Override
    public Optional<String> option(String name) {
        Optional<String> own = address.option(name);
        return own.isPresent() ? own : delivery.context().lists().mainOption(name);
    }
}
