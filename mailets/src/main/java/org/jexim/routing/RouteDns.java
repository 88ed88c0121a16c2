package org.jexim.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jexim.dns.DnsClient;
import org.jexim.dns.DnsSettings;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/**
 * The DNS questions routers ask (MX, SRV, A, AAAA), through jexim's one DNS client
 * ({@link DnsClient}) and the servers the configure names in the {@code JEXIM_DNS_SERVERS}
 * macro, or the system's resolvers when it is not defined. -bt and the server both pass the
 * macro's value in the routing variable {@link #SERVERS_VARIABLE}.
 */
public final class RouteDns {
    /** How a question ended. */
    public enum Status { FOUND, NXDOMAIN, NODATA, AGAIN }

    /** An answer's status and the records of the asked type. */
    public record Answer(Status status, List<Record> records) {
    }

    /** The routing variable that carries the configured servers from the configure to the routers. */
    public static final String SERVERS_VARIABLE = org.jexim.matchers.RouterContexts.DNS_SERVERS;

    private static final Map<String, RouteDns> CLIENTS = new ConcurrentHashMap<>();

    private final DnsClient client;

    private RouteDns(DnsClient client) {
        this.client = client;
    }

    /** The routing variable carrying the main option dns_ipv4_lookup (hosts whose AAAA records are not asked for). */
    public static final String IPV4_LOOKUP_VARIABLE = org.jexim.matchers.RouterContexts.DNS_IPV4_LOOKUP;

    /** The client for "host:port" items separated by white space or commas; the system's when blank. */
    public static RouteDns of(String servers) {
        return of(servers, "");
    }

    /** As {@link #of(String)}, with the configure's dns_ipv4_lookup. */
    public static RouteDns of(String servers, String ipv4Lookup) {
        String s = servers == null ? "" : servers.strip();
        String v4 = ipv4Lookup == null ? "" : ipv4Lookup.strip();
        return CLIENTS.computeIfAbsent(s + "\0" + v4, k -> new RouteDns(new DnsClient(
                DnsSettings.of(Map.of("JEXIM_DNS_SERVERS", s), v4.isEmpty() ? Map.of() : Map.of("dns_ipv4_lookup", v4)))));
    }

    /** The client of an address's routing variables (servers and dns_ipv4_lookup). */
    public static RouteDns of(org.jexim.conf.expand.ExpansionContext variables) {
        return of(variables.variable(SERVERS_VARIABLE).orElse(null), variables.variable(IPV4_LOOKUP_VARIABLE).orElse(""));
    }

    public Answer query(String name, int type) {
        DnsClient.Answer a = client.query(name, type);
        return new Answer(Status.valueOf(a.status().name()), a.records());
    }

    /** The IPv6 then IPv4 addresses of a host name; empty when it has none; null on a temporary failure. */
    public List<String> addresses(String host) {
        List<String> out = new ArrayList<>();
        boolean anyAgain = false;
        boolean anyNx = false;
        // dns_ipv4_lookup: no AAAA question for a host in the list
        for (int type : client.ipv4Only(host) ? new int[] {Type.A} : new int[] {Type.AAAA, Type.A}) {
            Answer a = query(host, type);
            anyAgain |= a.status() == Status.AGAIN;
            anyNx |= a.status() == Status.NXDOMAIN;
            for (Record r : a.records()) {
                out.add(r instanceof ARecord ar ? ar.getAddress().getHostAddress()
                        : ((AAAARecord) r).getAddress().getHostAddress());
            }
        }
        if (out.isEmpty() && anyAgain && !anyNx) {
            return null;
        }
        return out;
    }

    /** MX records of a domain, by preference (stable for equal ones). */
    static List<MXRecord> sortedMx(Answer answer) {
        List<MXRecord> mx = new ArrayList<>();
        answer.records().forEach(r -> mx.add((MXRecord) r));
        mx.sort(java.util.Comparator.comparingInt(MXRecord::getPriority));
        return mx;
    }

    /** SRV records of a name, by priority (weights are not randomised, as with hosts_randomize unset). */
    static List<SRVRecord> sortedSrv(Answer answer) {
        List<SRVRecord> srv = new ArrayList<>();
        answer.records().forEach(r -> srv.add((SRVRecord) r));
        srv.sort(java.util.Comparator.comparingInt(SRVRecord::getPriority));
        return srv;
    }
}
