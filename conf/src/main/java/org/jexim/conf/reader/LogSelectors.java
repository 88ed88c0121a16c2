package org.jexim.conf.reader;

import java.util.List;

/** The log_selector names of Exim 4.96 and the check Exim's decode_bits() makes of a setting. */
final class LogSelectors {
    static final List<String> NAMES = List.of("8bitmime", "acl_warn_skipped", "address_rewrite", "all",
            "all_parents", "arguments", "connection_reject", "delay_delivery", "deliver_time", "delivery_size",
            "dkim", "dkim_verbose", "dnslist_defer", "dnssec", "etrn", "host_lookup_failed", "ident_timeout",
            "incoming_interface", "incoming_port", "lost_incoming_connection", "millisec", "msg_id",
            "msg_id_created", "outgoing_interface", "outgoing_port", "pid", "pipelining", "protocol_detail", "proxy",
            "queue_run", "queue_time", "queue_time_exclusive", "queue_time_overall", "receive_time",
            "received_recipients", "received_sender", "rejected_header", "rejected_headers", "retry_defer",
            "return_path_on_delivery", "sender_on_delivery", "sender_verify_fail", "size_reject", "skip_delivery",
            "smtp_confirmation", "smtp_connection", "smtp_incomplete_transaction", "smtp_mailauth", "smtp_no_mail",
            "smtp_protocol_error", "smtp_syntax_error", "subject", "tls_certificate_verified", "tls_cipher",
            "tls_peerdn", "tls_resumption", "tls_sni", "unknown_in_list");

    private LogSelectors() {
    }

    /** Whether a valid log_selector setting ends up selecting {@code name} (set by +name, cleared by -name). */
    static boolean selects(String setting, String name) {
        boolean on = false;
        int i = 0;
        while ((i = Ascii.skipSpace(setting, i)) < setting.length()) {
            char sign = setting.charAt(i);
            int start = ++i;
            while (Ascii.isNameChar(Ascii.at(setting, i))) {
                i++;
            }
            if (setting.substring(start, i).equals(name)) {
                on = sign == '+';
            }
            if (sign != '+' && sign != '-') {
                return false;
            }
        }
        return on;
    }

    /** Null when {@code setting} is a valid log_selector, else Exim's complaint. */
    static String problem(String setting) {
        String s = setting;
        if (s.startsWith("=")) {
            Strtol n = Strtol.parse(s.substring(1), 0);
            return n.end() > 0 && n.end() == s.length() - 1 ? null
                    : "malformed numeric log_selector setting: " + setting;
        }
        int i = 0;
        for (;;) {
            i = Ascii.skipSpace(s, i);
            if (i >= s.length()) {
                return null;
            }
            char sign = s.charAt(i);
            if (sign != '+' && sign != '-') {
                return "malformed log_selector setting: + or - expected but found \"" + s.substring(i) + "\"";
            }
            int start = ++i;
            while (Ascii.isNameChar(Ascii.at(s, i))) {
                i++;
            }
            if (!NAMES.contains(s.substring(start, i))) {
                return "unknown log_selector setting: " + sign + s.substring(start, i);
            }
        }
    }
}
