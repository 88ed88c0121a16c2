package org.jexim.log;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.jexim.address.AddressItem;
import org.jexim.queue.SpoolJournal;
import org.jexim.transport.DeliveryLog;
import org.jexim.transport.DeliveryResult;

/**
 * The transports' {@link DeliveryLog} in jexim's own server: Exim's {@code =>}, {@code ==} and
 * {@code **} lines in the mainlog (and msglog), and each delivered top-level address recorded in
 * the spool's -J journal so that a crash before the queue acknowledgement does not deliver it twice.
 * Bind it in place of the slf4j default: {@code bind(DeliveryLog.class).toInstance(new EximDeliveryLog(...))}.
 */
public final class EximDeliveryLog implements DeliveryLog {
    private final EximLog log;
    private final Optional<SpoolJournal> journal;
    private final Predicate<String> localTransport;
    private final Optional<Duration> took;

    /**
     * @param localTransport tells the names of local transports (appendfile, pipe, ...), whose lines
     *                       show the local part, from remote ones (smtp, lmtp), which show the address
     */
    public EximDeliveryLog(EximLog log, Optional<SpoolJournal> journal, Predicate<String> localTransport) {
        this(log, journal, localTransport, Optional.empty());
    }

    private EximDeliveryLog(EximLog log, Optional<SpoolJournal> journal, Predicate<String> localTransport,
                            Optional<Duration> took) {
        this.log = log;
        this.journal = journal;
        this.localTransport = localTransport;
        this.took = took;
    }

    @Override
    public DeliveryLog took(Duration elapsed) {
        return new EximDeliveryLog(log, journal, localTransport, Optional.of(elapsed));
    }

    @Override
    public void delivered(String messageId, AddressItem address, String router, String transport) {
        log.delivered(delivery(messageId, address, router, transport));
        deliveredUnlogged(messageId, address);
    }

    @Override
    public void fakeDelivered(String messageId, AddressItem address, String router, String transport) {
        log.fakeDelivered(delivery(messageId, address, router, transport));
        deliveredUnlogged(messageId, address);
    }

    @Override
    public void bounceReceived(String id, String causeId, String user, long size) {
        log.received(Arrival.local(id, "", user, "local", size).withBounceOf(causeId));
    }

    @Override
    public void deliveredUnlogged(String messageId, AddressItem address) {
        if (address.parent().isEmpty()) {
            journal.ifPresent(j -> {
                try {
                    j.delivered(messageId, address.address());
                } catch (IOException e) {
                    log.panic(messageId + " failed to write journal: " + e.getMessage());
                }
            });
        }
    }

    @Override
    public void delivered(String messageId, AddressItem address, String router, String transport, DeliveryResult result) {
        DeliveryResult.Connection c = result.connection();
        Delivery d = c == null ? delivery(messageId, address, router, transport).withSize(result.size())
            : c.local() ? delivery(messageId, address, router, transport).withConfirmation(c.confirmation()).withSize(result.size())
            : remote(delivery(messageId, address, router, transport), host(c) + tlsAuthChunking(c))
                .withConfirmation(c.confirmation()).withSize(result.size());
        if (result.additional()) {
            log.alsoDelivered(d);
        } else {
            log.delivered(d);
        }
        deliveredUnlogged(messageId, address); // the journal, as for local deliveries
    }

    @Override
    public void deferred(String messageId, AddressItem address, String router, String transport, DeliveryResult result) {
        DeliveryResult.Connection c = result.connection();
        Delivery d = delivery(messageId, address, router, transport);
        if (result.panic() && !result.panicNote().isEmpty()) {
            log.panic(messageId + " " + result.panicNote());
        }
        log.deferred(c == null ? d : remote(d, host(c)), result.errno(), result.message(), result.panic());
    }

    @Override
    public void failed(String messageId, AddressItem address, String router, String transport, DeliveryResult result) {
        DeliveryResult.Connection c = result.connection();
        Delivery d = delivery(messageId, address, router, transport);
        log.failed(c == null ? d : remote(d, host(c) + (c.tls() == null ? "" : " " + c.tls())), result.message());
    }

    @Override
    public void message(String messageId, String text) {
        log.main(messageId + " " + text);
        log.messageLog(messageId, text);
    }

    /** A remote transport's line: the full address, H= with the connection's fields. */
    private static Delivery remote(Delivery d, String host) {
        return new Delivery(d.id(), d.address(), d.original().filter(o -> !o.equalsIgnoreCase(d.address())), d.parents(),
            d.router(), d.transport(), false, Optional.of(host), Optional.empty(), d.time());
    }

    /**
     * Exim's d_hostlog: {@code name [ip]}, {@code :port} with outgoing_port, and the local end
     * {@code I=[ip]} ({@code :port} too) with incoming_interface and outgoing_interface.
     */
    private String host(DeliveryResult.Connection c) {
        LogSelector selector = log.selector();
        DeliveryResult.Endpoints e = c.endpoints();
        boolean ports = selector.has("outgoing_port");
        StringBuilder sb = new StringBuilder(c.hostName()).append(" [").append(c.ip()).append(']');
        if (ports && e.remotePort() > 0) {
            sb.append(':').append(e.remotePort());
        }
        if (c.continued()) {
            sb.append('*'); // Exim's d_hostlog: a connection that carried an earlier message
        }
        if (selector.has("incoming_interface") && selector.has("outgoing_interface") && e.localIp() != null) {
            sb.append(" I=[").append(e.localIp()).append(']');
            if (ports) {
                sb.append(':').append(e.localPort());
            }
        }
        return sb.toString();
    }

    /** The fields of a delivery line after the host: X=/CV=, A=, L (log_selector pipelining), K. */
    private String tlsAuthChunking(DeliveryResult.Connection c) {
        return (c.tls() == null ? "" : " " + c.tls()) + (c.authenticator() == null ? "" : " A=" + c.authenticator())
            + (c.pipelining() && log.selector().has("pipelining") ? " L" : "") + (c.chunking() ? " K" : "");
    }

    @Override
    public void deferred(String messageId, AddressItem address, String router, String transport, String message) {
        log.deferred(delivery(messageId, address, router, transport), -1, message);
    }

    @Override
    public void failed(String messageId, AddressItem address, String router, String transport, String message) {
        log.failed(delivery(messageId, address, router, transport), message);
    }

    private Delivery delivery(String messageId, AddressItem address, String router, String transport) {
        AddressItem original = DeliveryLog.original(address);
        // a pipe or file from a redirect router is logged as Exim does: "=> |command <parent>"
        String pipeOrFile = address.variables().getOrDefault("address_pipe", address.variables().get("address_file"));
        // routing outcomes have no transport time: Exim logs DT=0s for them
        Optional<Duration> time = took.or(() -> Optional.of(Duration.ZERO).filter(z -> transport == null && router != null));
        return new Delivery(messageId, pipeOrFile != null ? pipeOrFile : address.address(),
            original == address ? Optional.of(address.address()).filter(a -> isLocal(transport))
                : Optional.of(original.variables().getOrDefault(DeliveryLog.LOG_AS, original.address())),
            parents(address, original, pipeOrFile != null), Optional.ofNullable(router), Optional.ofNullable(transport),
            isLocal(transport), Optional.empty(), Optional.empty(), time);
    }

    /**
     * Exim's string_log_address: the intermediate parents, nearest first, all of them with
     * log_selector all_parents, else only the nearest for a pipe, file or reply.
     */
    private List<String> parents(AddressItem address, AddressItem original, boolean pipeFileOrReply) {
        boolean all = log.selector().has("all_parents");
        List<String> parents = new ArrayList<>();
        if (all || pipeFileOrReply) {
            for (Optional<AddressItem> p = address.parent(); p.isPresent() && p.get() != original; p = p.get().parent()) {
                parents.add(p.get().address());
                if (!all) {
                    break;
                }
            }
        }
        return parents;
    }

    private boolean isLocal(String transport) {
        return transport != null && localTransport.test(transport);
    }
}
