package org.jexim.conf.reader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jexim.conf.model.DriverKind;
import org.jexim.conf.options.OptionDef;
import org.jexim.conf.options.OptionTable;
import org.jexim.conf.options.OptionTables;

/**
 * Exim's predefined macros: {@code _HAVE_*} for the features, {@code _DRIVER_*} for each driver,
 * {@code _OPT_*} for each option (derived from the option tables), {@code _ACL_*} for ACL
 * conditions and modifiers, {@code _LOG_*} for log selectors, all defined as "y", and the few
 * with values ({@code _DKIM_SIGN_HEADERS} ...).
 */
public final class PredefinedMacros {
    /**
     * The features jexim declares, named as Exim 4.96 names them. jexim reads every option these
     * features bring, and declares the same set as the reference build (Debian's exim4) so that
     * configure files take the same {@code .ifdef} branches under both.
     */
    static final List<String> FEATURES = List.of("CRYPTEQ", "ICONV", "IPV6", "PAM", "PERL", "DLFUNC", "TLS",
            "GNUTLS", "MOVE_FROZEN_MESSAGES", "CONTENT_SCANNING", "DKIM", "DNSSEC", "EVENT", "I18N", "OCSP",
            "PIPE_CONNECT", "PRDR", "PROXY", "SOCKS", "NATIVE_SRS", "TCP_FASTOPEN", "SPF", "SRS", "DANE",
            "TLS_RESUME", "LOOKUP_LSEARCH", "LOOKUP_CDB", "LOOKUP_DBM", "LOOKUP_DNSDB", "LOOKUP_DSEARCH",
            "LOOKUP_JSON", "LOOKUP_LDAP", "LOOKUP_MYSQL", "LOOKUP_NIS", "LOOKUP_PASSWD", "LOOKUP_PGSQL",
            "LOOKUP_SQLITE", "TRANSPORT_APPEND_MAILDIR", "TRANSPORT_APPEND_MAILSTORE", "TRANSPORT_APPEND_MBX",
            "MALWARE_FPROTD", "MALWARE_FPROT6D", "MALWARE_DRWEB", "MALWARE_FSECURE", "MALWARE_SOPHIE",
            "MALWARE_CLAMD", "MALWARE_AVAST", "MALWARE_SOCK", "MALWARE_CMDLINE", "TLS1_3", "TLS_OCSP",
            "TLS_OCSP_LIST", "TLS_CA_CACHE", "TLS_ALPN");

    /** The DKIM header lists Exim predefines, for dkim_sign_headers settings. */
    static final String DKIM_SIGN_HEADERS = "From:Sender:Reply-To:Subject:Date:Message-ID:To:Cc:MIME-Version:Content-Type:Content-Transfer-Encoding:Content-ID:Content-Description:Resent-Date:Resent-From:Resent-Sender:Resent-To:Resent-Cc:Resent-Message-ID:In-Reply-To:References:List-Id:List-Help:List-Unsubscribe:List-Subscribe:List-Post:List-Owner:List-Archive";
    static final String DKIM_OVERSIGN_HEADERS = "+From:+Sender:+Reply-To:+Subject:+Date:+Message-ID:+To:+Cc:+MIME-Version:+Content-Type:+Content-Transfer-Encoding:+Content-ID:+Content-Description:+Resent-Date:+Resent-From:+Resent-Sender:+Resent-To:+Resent-Cc:+Resent-Message-ID:+In-Reply-To:+References:+List-Id:+List-Help:+List-Unsubscribe:+List-Subscribe:+List-Post:+List-Owner:+List-Archive";
    /** The decoding of $tls_in_resumption / $tls_out_resumption, as a list to use in an expansion. */
    static final String RESUME_DECODE = "not requested or offered : 0x02 :client requested, no server ticket: 0x04 : 0x05 : 0x06 :client offered session, no server action: 0x08 :no client request: 0x0A :client requested new ticket, server provided: 0x0C :client offered session, not used: 0x0E :client offered session, server only provided new ticket: 0x10 :session resumed unasked: 0x12 :session resumed unasked: 0x14 : 0x15 : 0x16 :session resumed: 0x18 :session resumed unasked: 0x1A :session resumed unasked: 0x1C :session resumed: 0x1E :session resumed, also new ticket";

    private PredefinedMacros() {
    }

    /**
     * Every predefined macro with its value, longest-match first: in reverse alphabetical order,
     * so that a name always comes before the names it starts with, as in Exim's list.
     */
    public static Map<String, String> macros() {
        Map<String, String> macros = new LinkedHashMap<>();
        for (String name : names()) {
            macros.put(name, switch (name) {
                case "_DKIM_SIGN_HEADERS" -> DKIM_SIGN_HEADERS;
                case "_DKIM_OVERSIGN_HEADERS" -> DKIM_OVERSIGN_HEADERS;
                case "_RESUME_DECODE" -> RESUME_DECODE;
                default -> "y";
            });
        }
        return macros;
    }

    /** Every predefined macro name, in the order of {@link #macros()}. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of("_CRYPTO_HASH_SHA3", "_CRYPTO_SIGN_ED25519",
                "_DKIM_SIGN_HEADERS", "_DKIM_OVERSIGN_HEADERS", "_RESUME_DECODE"));
        FEATURES.forEach(f -> names.add("_HAVE_" + f));
        options(names, OptionTables.main(), "_OPT_MAIN_");
        for (DriverKind kind : DriverKind.values()) {
            String singular = upper(kind.singular());
            options(names, OptionTables.generic(kind), "_OPT_" + upper(kind.section()) + "_");
            for (String driver : OptionTables.driverNames(kind)) {
                names.add("_DRIVER_" + singular + "_" + upper(driver));
                OptionTables.driver(kind, driver).ifPresent(t ->
                        options(names, t, "_OPT_" + singular + "_" + upper(driver) + "_"));
            }
        }
        AclReader.CONDITIONS.forEach(c -> names.add("_ACL_COND_" + upper(c)));
        AclReader.MODIFIERS.forEach(m -> names.add("_ACL_MOD_" + upper(m)));
        LogSelectors.NAMES.forEach(n -> names.add("_LOG_" + upper(n)));
        names.sort(Comparator.reverseOrder());
        return List.copyOf(names);
    }

    private static void options(List<String> names, OptionTable table, String prefix) {
        for (OptionDef def : table.allIncludingHidden()) {
            if (!def.name().startsWith("*")) {
                names.add(prefix + upper(def.name()));
            }
        }
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
