package org.jexim.mailets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.model.RetryRule;
import org.jexim.transport.Delivery;
import org.jexim.transport.DeliveryResult;
import org.jexim.transport.Transport;
import org.jexim.transport.TransportFactory;
import org.jexim.transport.TransportServices;

/**
 * A transport's {@code shadow_transport}: after each successful delivery, when
 * {@code shadow_condition} (expanded for the address) is not empty, "0", "no" or "false", the
 * same address goes to the shadow transport too; its outcome changes nothing but the log line,
 * which gets " ST=name" (with the error in parentheses when it failed). The translator passes the
 * shadow's options to the transport's mailet as {@code shadow.NAME} parameters.
 */
final class ShadowTransport {
    private final Transport transport;
    private final String condition;

    private ShadowTransport(Transport transport, String condition) {
        this.transport = transport;
        this.condition = condition;
    }

    /** The shadow of a transport's mailet options, or null when it has none. */
    static ShadowTransport of(Map<String, String> options, TransportServices services, List<RetryRule> rules) {
        if (!options.containsKey("shadow.driver")) {
            return null;
        }
        Map<String, String> own = new TreeMap<>();
        options.forEach((k, v) -> {
            if (k.startsWith("shadow.") && !k.equals("shadow.name") && !k.equals("shadow.driver")
                    && !k.equals("shadow.shadow_transport")) {
                own.put(k.substring(7), v);
            }
        });
        return new ShadowTransport(TransportFactory.create(options.get("shadow.name"), options.get("shadow.driver"), own,
                services, rules), options.get("shadow_condition"));
    }

    /** For each delivery: null (not shadowed) or the log's " ST=name" item. */
    List<String> run(List<Delivery> deliveries, List<DeliveryResult> results) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery d = deliveries.get(i);
            if (results.get(i).kind() != DeliveryResult.Kind.OK || !wanted(d)) {
                out.add(null);
                continue;
            }
            DeliveryResult r = transport.deliver(d);
            out.add(" ST=" + transport.name() + (r.kind() == DeliveryResult.Kind.OK ? "" : " (" + r.message() + ")"));
        }
        return out;
    }

    private boolean wanted(Delivery d) {
        if (condition == null) {
            return true;
        }
        try {
            String v = d.context().expand(condition, d.address()).strip();
            return !(v.isEmpty() || v.equals("0") || v.equalsIgnoreCase("no") || v.equalsIgnoreCase("false"));
        } catch (ExpansionException e) {
            return false; // Exim: no shadow delivery when the condition cannot be expanded
        }
    }
}
