package org.jexim.dns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jexim.conf.lists.NamedLists;
import org.jexim.conf.options.EximTime;

/**
 * Where and how jexim asks the DNS: the servers from the {@code JEXIM_DNS_SERVERS} macro
 * ("ip:port" items separated by white space or commas, IPv6 in brackets; the system's
 * resolvers when unset) and Exim's main options of the resolver: {@code dns_retrans} (time
 * between tries, 0 = resolver default), {@code dns_retry} (tries, 0 = resolver default),
 * {@code dns_use_edns0} and {@code dns_dnssec_ok} (-1 = system default, 0 off, 1 on),
 * {@code dns_check_names_pattern} (names the DNS is never asked about), the domain lists
 * {@code dns_again_means_nonexist}, {@code dns_ipv4_lookup} and {@code dns_trust_aa},
 * {@code dns_csa_search_limit} and {@code dns_csa_use_reverse}. {@code namedLists} serve
 * {@code +name} items of those domain lists.
 */
public record DnsSettings(List<String> servers, Duration retrans, int retry, String againMeansNonexist,
                          int useEdns0, int dnssecOk, String checkNamesPattern, String ipv4Lookup,
                          String trustAa, int csaSearchLimit, boolean csaUseReverse, NamedLists namedLists) {
    /** Exim 4.96's default dns_check_names_pattern (letters, digits, '_', '/', '-' in labels). */
    public static final String DEFAULT_CHECK_NAMES = org.jexim.conf.lookup.NameCheck.DEFAULT_OPTION;

    /** The main options this record reads. */
    public static final List<String> OPTIONS = List.of("dns_retrans", "dns_retry", "dns_again_means_nonexist",
            "dns_use_edns0", "dns_dnssec_ok", "dns_check_names_pattern", "dns_ipv4_lookup", "dns_trust_aa",
            "dns_csa_search_limit", "dns_csa_use_reverse");

    /** The system's resolvers with Exim's defaults. */
    public static final DnsSettings SYSTEM = servers("");

    /** The settings for servers given as in JEXIM_DNS_SERVERS, with Exim's defaults otherwise. */
    public static DnsSettings servers(String servers) {
        return of(Map.of("JEXIM_DNS_SERVERS", servers == null ? "" : servers), Map.of());
    }

    /**
     * From the configure: {@code macros} (for JEXIM_DNS_SERVERS) and the main options as
     * written (unset ones absent).
     */
    public static DnsSettings of(Map<String, String> macros, Map<String, String> mainOptions) {
        return of(macros, mainOptions, NamedLists.NONE);
    }

    /** As {@link #of(Map, Map)}, with the configuration's named lists for the domain-list options. */
    public static DnsSettings of(Map<String, String> macros, Map<String, String> mainOptions, NamedLists lists) {
        Duration retrans = Duration.ZERO;
        String rt = mainOptions.get("dns_retrans");
        if (rt != null && !rt.isBlank()) {
            retrans = Duration.ofSeconds(Math.max(0, EximTime.read(rt.strip())));
        }
        return new DnsSettings(parseServers(macros.getOrDefault("JEXIM_DNS_SERVERS", "")), retrans,
                integer(mainOptions, "dns_retry", 0), mainOptions.getOrDefault("dns_again_means_nonexist", ""),
                integer(mainOptions, "dns_use_edns0", -1), integer(mainOptions, "dns_dnssec_ok", -1),
                mainOptions.getOrDefault("dns_check_names_pattern", DEFAULT_CHECK_NAMES).strip(),
                mainOptions.getOrDefault("dns_ipv4_lookup", ""), mainOptions.getOrDefault("dns_trust_aa", ""),
                integer(mainOptions, "dns_csa_search_limit", 5), bool(mainOptions, "dns_csa_use_reverse", true),
                lists);
    }

    /**
     * From the main options of a running configuration: the servers from the option function
     * when it knows JEXIM_DNS_SERVERS (-bh passes the macro), else the JEXIM_DNS_SERVERS
     * environment variable (the daemon: the translated configuration keeps no macros), else
     * the system's resolvers.
     */
    public static DnsSettings fromOptions(Function<String, Optional<String>> options) {
        return fromOptions(options, NamedLists.NONE);
    }

    /** As {@link #fromOptions(Function)}, with the configuration's named lists. */
    public static DnsSettings fromOptions(Function<String, Optional<String>> options, NamedLists lists) {
        Map<String, String> main = new HashMap<>();
        for (String name : OPTIONS) {
            options.apply(name).ifPresent(v -> main.put(name, v));
        }
        // a boolean option written as "no_dns_csa_use_reverse" or "not_..."
        for (String negated : List.of("no_dns_csa_use_reverse", "not_dns_csa_use_reverse")) {
            options.apply(negated).ifPresent(v -> main.put("dns_csa_use_reverse", "false"));
        }
        String servers = options.apply("JEXIM_DNS_SERVERS").orElseGet(() -> {
            String env = System.getenv("JEXIM_DNS_SERVERS");
            return env != null ? env : System.getProperty("jexim.dns.servers", "");
        });
        return of(Map.of("JEXIM_DNS_SERVERS", servers), main, lists);
    }

    private static int integer(Map<String, String> options, String name, int otherwise) {
        String v = options.get(name);
        return v == null || v.isBlank() ? otherwise : Integer.decode(v.strip());
    }

    private static boolean bool(Map<String, String> options, String name, boolean otherwise) {
        String v = options.get(name);
        if (v == null) {
            return otherwise;
        }
        String s = v.strip().toLowerCase(java.util.Locale.ROOT);
        return s.isEmpty() || s.equals("true") || s.equals("yes");
    }

    private static List<String> parseServers(String servers) {
        List<String> out = new ArrayList<>();
        if (servers != null && !servers.isBlank()) {
            for (String s : servers.strip().split("[\\s,]+")) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }
}
