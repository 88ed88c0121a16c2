package org.jexim.log;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Exim's {@code log_selector}: which optional items the log lines carry. Starts from Exim 4.96's
 * defaults and applies {@code +name} / {@code -name} items ({@code +all}, {@code -all} too).
 */
public final class LogSelector {
    /** Defaults of Exim 4.96 (log_default[] of globals.c; the spec's table leaves out outgoing_interface and queue_time_exclusive). */
    private static final Set<String> DEFAULTS = Set.of("acl_warn_skipped", "connection_reject", "delay_delivery",
        "dkim", "dnslist_defer", "etrn", "host_lookup_failed", "lost_incoming_connection", "msg_id",
        "outgoing_interface", "queue_run", "queue_time_exclusive", "rejected_header", "retry_defer",
        "sender_verify_fail", "size_reject", "skip_delivery", "smtp_confirmation", "tls_certificate_verified",
        "tls_cipher");
    private static final Set<String> KNOWN = Set.of("8bitmime", "acl_warn_skipped", "address_rewrite", "all_parents",
        "arguments", "connection_reject", "delay_delivery", "deliver_time", "delivery_size", "dkim", "dkim_verbose",
        "dnslist_defer", "dnssec", "etrn", "host_lookup_failed", "ident_timeout", "incoming_interface",
        "incoming_port", "lost_incoming_connection", "millisec", "msg_id", "msg_id_created", "outgoing_interface",
        "outgoing_port", "protocol_detail", "queue_run", "queue_time", "queue_time_exclusive", "queue_time_overall", "pid",
        "pipelining", "proxy", "receive_time", "received_recipients", "received_sender", "rejected_header",
        "retry_defer", "return_path_on_delivery", "sender_on_delivery", "sender_verify_fail", "size_reject",
        "skip_delivery", "smtp_confirmation", "smtp_connection", "smtp_incomplete_transaction", "smtp_mailauth",
        "smtp_no_mail", "smtp_protocol_error", "smtp_syntax_error", "subject", "tls_certificate_verified",
        "tls_cipher", "tls_peerdn", "tls_resumption", "tls_sni", "unknown_in_list");
    private final Set<String> enabled;

    private LogSelector(Set<String> enabled) {
        this.enabled = enabled;
    }

    public static LogSelector defaults() {
        return new LogSelector(DEFAULTS);
    }

    /** @throws IllegalArgumentException for an unknown item, as Exim rejects the configuration */
    public static LogSelector parse(String value) {
        Set<String> on = new HashSet<>(DEFAULTS);
        if (value != null) {
            for (String item : value.trim().split("\\s+")) {
                if (item.isEmpty()) {
                    continue;
                }
                char sign = item.charAt(0);
                String name = item.substring(1).toLowerCase(Locale.ROOT);
                if ((sign != '+' && sign != '-') || (!name.equals("all") && !KNOWN.contains(name))) {
                    throw new IllegalArgumentException("unknown log_selector setting: " + item);
                }
                Set<String> names = name.equals("all") ? KNOWN : Set.of(name);
                if (sign == '+') {
                    on.addAll(names);
                } else {
                    on.removeAll(names);
                }
            }
        }
        return new LogSelector(Set.copyOf(on));
    }

    public boolean has(String item) {
        return enabled.contains(item);
    }
}
