package org.jexim.transport;

import java.nio.charset.StandardCharsets;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;

/**
 * The bytes a local transport (appendfile, pipe) writes for one message: the expanded
 * {@code message_prefix}, the message with the generic header options and
 * {@code check_string}/{@code escape_string} applied by {@link MessageWriter}, and the
 * expanded {@code message_suffix}. The mbox defaults (a "From " line, a blank line after) apply
 * where Exim's driver init sets them.
 */
final class LocalMessage {
    /** The variables in which routers leave their expanded headers_add / headers_remove (RouterOutcome's names). */
    static final String ROUTER_HEADERS_ADD = "_headers_add";
    static final String ROUTER_HEADERS_REMOVE = "_headers_remove";
    static final String MBOX_PREFIX = "From ${if def:return_path{$return_path}{MAILER-DAEMON}} ${tod_bsdinbox}\n";

    private LocalMessage() {
    }

    static byte[] bytes(TransportOptions options, Delivery delivery, TransportVariables vars, boolean mboxPrefixes,
            boolean mboxEscaping) throws ExpansionException {
        boolean bsmtp = options.bool("use_bsmtp", false);
        String check = options.string("check_string", bsmtp ? "." : mboxEscaping ? "From " : null);
        String escape = options.string("escape_string", bsmtp ? ".." : mboxEscaping ? ">From " : null);
        MessageWriter writer = new MessageWriter().escaping(check, escape);
        String returnPath = delivery.returnPath() == null ? "" : delivery.returnPath();
        if (options.bool("return_path_add", false)) {
            writer.prepend("Return-path: <" + returnPath + ">\n");
        }
        if (options.bool("envelope_to_add", false)) {
            writer.prepend("Envelope-to: " + delivery.originalAddress().address() + "\n");
        }
        if (options.bool("delivery_date_add", false)) {
            writer.prepend("Delivery-date: " + vars.variable("tod_full").orElseThrow() + "\n");
        }
        String remove = options.string("headers_remove");
        if (remove != null) {
            for (String h : Expander.expand(remove, vars).split(":")) {
                writer.remove(h);
            }
        }
        // the routers' headers_remove and headers_add (already expanded), before the transport's own
        var routed = delivery.address().variables();
        if (routed.containsKey(ROUTER_HEADERS_REMOVE)) {
            for (String h : routed.get(ROUTER_HEADERS_REMOVE).split(":")) {
                writer.remove(h.strip());
            }
        }
        if (routed.containsKey(ROUTER_HEADERS_ADD)) {
            writer.append(routed.get(ROUTER_HEADERS_ADD));
        }
        String add = options.string("headers_add");
        if (add != null) {
            writer.append(Expander.expand(add, vars));
        }
        String prefix = Expander.expand(options.string("message_prefix", mboxPrefixes && !bsmtp ? MBOX_PREFIX : ""), vars);
        String suffix = Expander.expand(options.string("message_suffix", mboxPrefixes && !bsmtp ? "\n" : ""), vars);
        byte[] body = writer.write(delivery.message());
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] s = suffix.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[p.length + body.length + s.length];
        System.arraycopy(p, 0, all, 0, p.length);
        System.arraycopy(body, 0, all, p.length, body.length);
        System.arraycopy(s, 0, all, p.length + body.length, s.length);
        return all;
    }
}
