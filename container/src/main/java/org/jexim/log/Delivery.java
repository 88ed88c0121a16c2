package org.jexim.log;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One address's delivery, deferral or failure, as the {@code =>}, {@code ->}, {@code *>},
 * {@code ==} and {@code **} lines say it.
 *
 * @param address the final delivery address (for a local transport the line shows its local part)
 * @param original the address as received, when it differs (always shown for local deliveries)
 * @param parents the intermediate addresses of a redirection shown in parentheses, nearest first
 *                (all of them with log_selector all_parents, else only a pipe's, file's or reply's parent)
 * @param local whether the transport is a local one (appendfile, pipe, ...)
 * @param host for remote deliveries, {@code name [ip]} of the host that took it
 * @param confirmation the remote server's final reply, logged as C="..."
 * @param time how long the transport took (DT= with log_selector deliver_time)
 * @param size the bytes the transport wrote (S= with log_selector delivery_size), -1 when not known
 */
public record Delivery(String id, String address, Optional<String> original, List<String> parents,
                       Optional<String> router, Optional<String> transport, boolean local,
                       Optional<String> host, Optional<String> confirmation, Optional<Duration> time, long size) {

    public Delivery(String id, String address, Optional<String> original, List<String> parents, Optional<String> router,
                    Optional<String> transport, boolean local, Optional<String> host, Optional<String> confirmation,
                    Optional<Duration> time) {
        this(id, address, original, parents, router, transport, local, host, confirmation, time, -1);
    }

    public static Delivery local(String id, String address, String original, String router, String transport) {
        return new Delivery(id, address, Optional.of(original), List.of(), Optional.of(router),
            Optional.of(transport), true, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Delivery remote(String id, String address, String router, String transport, String hostName, String ip) {
        return new Delivery(id, address, Optional.empty(), List.of(), Optional.of(router),
            Optional.of(transport), false, Optional.of(hostName + " [" + ip + "]"), Optional.empty(), Optional.empty());
    }

    /** An address that failed or was deferred before any transport (routing). */
    public static Delivery routed(String id, String address, String router) {
        return new Delivery(id, address, Optional.empty(), List.of(), Optional.ofNullable(router),
            Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Delivery withOriginal(String value) {
        return new Delivery(id, address, Optional.ofNullable(value), parents, router, transport, local, host, confirmation,
            time, size);
    }

    public Delivery withParents(List<String> value) {
        return new Delivery(id, address, original, List.copyOf(value), router, transport, local, host, confirmation, time,
            size);
    }

    public Delivery withTime(Duration value) {
        return new Delivery(id, address, original, parents, router, transport, local, host, confirmation,
            Optional.ofNullable(value), size);
    }

    public Delivery withTransport(String value) {
        return new Delivery(id, address, original, parents, router, Optional.ofNullable(value), local, host, confirmation,
            time, size);
    }

    public Delivery withSize(long value) {
        return new Delivery(id, address, original, parents, router, transport, local, host, confirmation, time, value);
    }

    public Delivery withConfirmation(String value) {
        return new Delivery(id, address, original, parents, router, transport, local, host, Optional.ofNullable(value),
            time, size);
    }

    /** The address part of a delivery line: {@code final (parent) <original>}. */
    String deliveredAddress() {
        StringBuilder sb = new StringBuilder(local ? localPart(address) : address);
        appendParents(sb);
        original.filter(o -> local || !o.equalsIgnoreCase(address)).ifPresent(o -> sb.append(" <").append(o).append('>'));
        return sb.toString();
    }

    /** The address part of a deferral or failure line: the full address, then {@code <original>}. */
    String problemAddress() {
        StringBuilder sb = new StringBuilder(address);
        appendParents(sb);
        original.filter(o -> !o.equalsIgnoreCase(address)).ifPresent(o -> sb.append(" <").append(o).append('>'));
        return sb.toString();
    }

    private void appendParents(StringBuilder sb) {
        if (!parents.isEmpty()) {
            sb.append(" (").append(String.join(", ", parents)).append(')');
        }
    }

    /** " DT=time" when the time is known and log_selector has deliver_time. */
    String deliverTime(LogSelector selector) {
        return selector.has("deliver_time") ? time.map(t -> " DT=" + MessageFacts.timeDiff(t, selector.has("millisec")))
            .orElse("") : "";
    }

    /**
     * {@code R=router T=transport}, then {@code S=bytes} when the size is known and log_selector
     * has delivery_size; Exim writes S= before a shadow transport's {@code ST=}, which travels
     * here with the transport's name.
     */
    String routerTransportAndSize(LogSelector selector) {
        String routed = routerAndTransport();
        String bytes = selector.has("delivery_size") && size >= 0 ? " S=" + size : "";
        int shadow = routed.indexOf(" ST=");
        return shadow < 0 ? routed + bytes : routed.substring(0, shadow) + bytes + routed.substring(shadow);
    }

    String routerAndTransport() {
        StringBuilder sb = new StringBuilder();
        router.ifPresent(r -> sb.append(" R=").append(r));
        transport.ifPresent(t -> sb.append(" T=").append(t));
        return sb.toString();
    }

    String hostAndConfirmation(LogSelector selector) {
        StringBuilder sb = new StringBuilder();
        host.ifPresent(h -> sb.append(" H=").append(h));
        if (selector.has("smtp_confirmation")) {
            confirmation.ifPresent(c -> sb.append(" C=").append(LogText.quoted(c)));
        }
        return sb.toString();
    }

    private static String localPart(String address) {
        if (address.startsWith("|") || address.startsWith("/")) {
            return address;
        }
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }
}
