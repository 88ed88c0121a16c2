package org.jexim.queue;

import java.util.List;

/**
 * The order in which Exim 4.96's spool_write_header writes the options of a -H file, so that the
 * lines jexim writes (and adds: -frozen, -manual_thaw) stand where Exim puts them.
 */
public final class OptionOrder {
    private static final List<String> ORDER = List.of(
        "received_time_usec", "received_time_complete", "helo_name", "host_address", "host_name",
        "host_auth", "host_auth_pubname", "interface_address", "active_hostname", "ident",
        "received_protocol", "aclc", "aclm", "acl", "debug_selector", "debuglog_name", "spool_file_wireformat", "body_linecount",
        "max_received_linelength", "body_zerocount", "auth_id", "auth_sender",
        "allow_unqualified_recipient", "allow_unqualified_sender", "deliver_firsttime", "frozen", "N",
        "host_lookup_deferred", "host_lookup_failed", "local", "localerror", "local_scan", "spam_bar",
        "spam_score", "spam_score_int", "manual_thaw", "sender_set_untrusted", "bmi_verdicts",
        "tls_certificate_verified", "tls_cipher", "tls_peercert", "tls_peerdn", "tls_sni", "tls_ourcert",
        "tls_ocsp", "tls_resumption", "tls_ver", "smtputf8", "utf8_downcvt", "utf8_optdowncvt",
        "dsn_envid", "dsn_ret");

    private OptionOrder() {
    }

    /** Exim's position of the option; options Exim does not write (jexim's own) come last. */
    public static int rank(String name) {
        int i = ORDER.indexOf(name);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
