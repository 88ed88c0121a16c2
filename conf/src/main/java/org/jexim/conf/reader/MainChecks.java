package org.jexim.conf.reader;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.model.OptionSetting;

/** The checks Exim makes of the main options once the main section is read (end of readconf_main()). */
final class MainChecks {
    /** Exim's LOCALHOST_MAX. */
    private static final int LOCALHOST_MAX = 16;
    private static final List<String> SYSLOG_FACILITIES = List.of("mail", "user", "news", "uucp", "local0", "local1",
            "local2", "local3", "local4", "local5", "local6", "local7", "daemon");

    private MainChecks() {
    }

    /** The checks, in the order Exim makes them (log_selector last, as exim.c decodes it after reading). */
    static void check(Map<String, OptionSetting> main) throws ConfigurationException {
        if (isTrue(main, "local_sender_retain") && isTrue(main, "local_from_check")) {
            throw ConfigurationException.plain("both local_from_check and local_sender_retain are set; "
                    + "this combination is not allowed");
        }
        expand("spool_directory", text(main, "spool_directory"));
        String logFilePath = text(main, "log_file_path");
        if (logFilePath != null) {
            checkLogFilePath(expand("log_file_path", logFilePath));
        }
        String facility = text(main, "syslog_facility");
        if (facility != null) {
            String f = facility.regionMatches(true, 0, "log_", 0, 4) ? facility.substring(4) : facility;
            if (SYSLOG_FACILITIES.stream().noneMatch(f::equalsIgnoreCase)) {
                throw new ConfigurationException(null, "failed to interpret syslog_facility \"" + facility + "\"");
            }
        }
        expand("pid_file_path", text(main, "pid_file_path"));
        long acceptMax = number(main, "smtp_accept_max", 20);
        if (acceptMax == 0 && (number(main, "smtp_accept_queue", 0) > 0 || main.containsKey("smtp_accept_max_per_host"))) {
            throw new ConfigurationException(null, "smtp_accept_max must be set if smtp_accept_queue or "
                    + "smtp_accept_max_per_host is set");
        }
        String hostNumber = text(main, "localhost_number");
        if (hostNumber != null && !hostNumber.contains("$")) {
            Strtol n = Strtol.parse(hostNumber, 0);
            if (Ascii.skipSpace(hostNumber, n.end()) < hostNumber.length()) {
                throw new ConfigurationException(null, "localhost_number value is not a number: " + hostNumber);
            }
            if (n.value() > LOCALHOST_MAX) {
                throw new ConfigurationException(null, "localhost_number is greater than the maximum allowed value ("
                        + LOCALHOST_MAX + ")");
            }
        }
        if (number(main, "tls_dh_max_bits", 2236) < 1024) {
            throw new ConfigurationException(null, "tls_dh_max_bits is too small, must be at least 1024 for interop");
        }
        if (main.containsKey("openssl_options")) {
            throw new ConfigurationException(null, "openssl_options is set but we're using GnuTLS");
        }
        String selector = text(main, "log_selector");
        if (selector != null) {
            String problem = LogSelectors.problem(selector);
            if (problem != null) {
                throw new ConfigurationException(null, problem);
            }
        }
    }

    /**
     * Exim expands spool_directory, log_file_path and pid_file_path as soon as the main section
     * is read; a failure stops it. Returns the expansion (the text itself when it has no "$").
     */
    private static String expand(String option, String value) throws ConfigurationException {
        if (value == null || !value.contains("$")) {
            return value;
        }
        try {
            return Expander.expand(value, name -> Optional.empty());
        } catch (ExpansionException e) {
            throw ConfigurationException.plain("failed to expand " + option + " \"" + value + "\": " + e.getMessage());
        }
    }

    private static void checkLogFilePath(String path) throws ConfigurationException {
        for (String item : ExStrings.listItems(path, ':')) {
            if (item.isEmpty() || item.equals("syslog")) {
                continue;
            }
            int s = item.indexOf("%s");
            if (s < 0) {
                throw ConfigurationException.plain("log_file_path \"" + item + "\" does not contain \"%s\"");
            }
            String rest = item.substring(0, s) + "X" + item.substring(s + 1);
            int pct = rest.indexOf('%');
            if (pct >= 0 && (pct + 1 >= rest.length() || "DM".indexOf(rest.charAt(pct + 1)) < 0
                    || rest.indexOf('%', pct + 2) >= 0)) {
                throw ConfigurationException.plain("log_file_path \"" + path + "\" contains unexpected \"%\" character");
            }
        }
    }

    private static boolean isTrue(Map<String, OptionSetting> main, String name) {
        OptionSetting s = main.get(name);
        return s != null && Boolean.TRUE.equals(s.value());
    }

    private static String text(Map<String, OptionSetting> main, String name) {
        OptionSetting s = main.get(name);
        return s == null || !(s.value() instanceof String v) ? null : v;
    }

    private static long number(Map<String, OptionSetting> main, String name, long otherwise) {
        OptionSetting s = main.get(name);
        return s != null && s.value() instanceof Number n ? n.longValue() : otherwise;
    }
}
