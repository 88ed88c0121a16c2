package org.jexim.dns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.conf.options.EximTime;

/**
 * Where and how jexim asks the DNS: the servers from the {@code JEXIM_DNS_SERVERS} macro
 * ("ip:port" items separated by white space or commas, IPv6 in brackets; the system's
 * resolvers when unset) and Exim's main options {@code dns_retrans} (time between tries,
 * 0 = resolver default), {@code dns_retry} (tries, 0 = resolver default),
 * {@code dns_again_means_nonexist} (domains whose temporary failures count as "no such name")
 * and {@code dns_use_edns0}.
 */
public record DnsSettings(List<String> servers, Duration retrans, int retry, String againMeansNonexist, int ednsPayload) {
    /** The system's resolvers with resolver defaults. */
    public static final DnsSettings SYSTEM = new DnsSettings(List.of(), Duration.ZERO, 0, "", -1);

    /** The settings for servers given as in JEXIM_DNS_SERVERS, with resolver defaults otherwise. */
    public static DnsSettings servers(String servers) {
        return new DnsSettings(parseServers(servers), Duration.ZERO, 0, "", -1);
    }

    /**
     * From the configure: {@code macros} (for JEXIM_DNS_SERVERS) and the main options as
     * written (unset ones absent).
     */
    public static DnsSettings of(Map<String, String> macros, Map<String, String> mainOptions) {
        Duration retrans = Duration.ZERO;
        String rt = mainOptions.get("dns_retrans");
        if (rt != null && !rt.isBlank()) {
            long s = EximTime.read(rt.strip());
            retrans = Duration.ofSeconds(Math.max(0, s));
        }
        int retry = 0;
        String ry = mainOptions.get("dns_retry");
        if (ry != null && !ry.isBlank()) {
            retry = Integer.parseInt(ry.strip());
        }
        int edns = -1;
        String e = mainOptions.get("dns_use_edns0");
        if (e != null && !e.isBlank()) {
            edns = Integer.parseInt(e.strip());
        }
        return new DnsSettings(parseServers(macros.getOrDefault("JEXIM_DNS_SERVERS", "")), retrans, retry,
                mainOptions.getOrDefault("dns_again_means_nonexist", ""), edns);
    }

    /**
     * From the main options of a running configuration: the servers from the option function
     * when it knows JEXIM_DNS_SERVERS (-bh passes the macro), else the JEXIM_DNS_SERVERS
     * environment variable (the daemon: the translated configuration keeps no macros), else
     * the system's resolvers.
     */
    public static DnsSettings fromOptions(java.util.function.Function<String, java.util.Optional<String>> options) {
        Map<String, String> main = new java.util.HashMap<>();
        for (String name : List.of("dns_retrans", "dns_retry", "dns_again_means_nonexist", "dns_use_edns0")) {
            options.apply(name).ifPresent(v -> main.put(name, v));
        }
        String servers = options.apply("JEXIM_DNS_SERVERS").orElseGet(() -> {
            String env = System.getenv("JEXIM_DNS_SERVERS");
            return env != null ? env : System.getProperty("jexim.dns.servers", "");
        });
        return of(Map.of("JEXIM_DNS_SERVERS", servers), main);
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
