package org.jexim.conf.reader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jexim.conf.model.DriverKind;
import org.jexim.conf.options.OptionDef;
import org.jexim.conf.options.OptionTable;
import org.jexim.conf.options.OptionTables;

/**
 * Exim's predefined macros: {@code _HAVE_*} for the features, {@code _DRIVER_*} for each driver,
 * {@code _OPT_*} for each option (derived from the option tables), {@code _ACL_*} for ACL
 * conditions and modifiers and {@code _LOG_*} for log selectors. All are defined as "y".
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

    private PredefinedMacros() {
    }

    /**
     * Every predefined macro name, longest-match first: in reverse alphabetical order, so that a
     * name always comes before the names it starts with, as in Exim's list.
     */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
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
        for (OptionDef def : table.all()) {
            if (!def.name().startsWith("*")) {
                names.add(prefix + upper(def.name()));
            }
        }
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
