package org.jexim.routing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The DNS questions routers ask (MX, A, AAAA), sent to the servers the configure names in
 * the {@code JEXIM_DNS_SERVERS} macro ("ip:port" items, colon-separated in brackets for IPv6),
 * or to the system's resolvers when it is not defined.
 */
public final class RouteDns {
    /** How a question ended. */
    public enum Status { FOUND, NXDOMAIN, NODATA, AGAIN }

    /** An answer's status and the records of the asked type. */
    public record Answer(Status status, List<Record> records) {
    }

    /** The routing variable that carries the configured servers from the configure to the routers. */
    public static final String SERVERS_VARIABLE = "_dns_servers";

    private final Resolver resolver;

    private RouteDns(Resolver resolver) {
        this.resolver = resolver;
    }

    /** A resolver for "host:port" items separated by white space or commas; the system's when blank. */
    public static RouteDns of(String servers) {
        try {
            if (servers == null || servers.isBlank()) {
                return new RouteDns(new ExtendedResolver());
            }
            List<Resolver> list = new ArrayList<>();
            for (String s : servers.strip().split("[\\s,]+")) {
                int colon = s.lastIndexOf(':');
                String host = s.substring(0, colon).replace("[", "").replace("]", "");
                SimpleResolver r = new SimpleResolver(new InetSocketAddress(host, Integer.parseInt(s.substring(colon + 1))));
                list.add(r);
            }
            ExtendedResolver r = new ExtendedResolver(list);
            r.setTimeout(Duration.ofSeconds(2));
            r.setRetries(1);
            return new RouteDns(r);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad JEXIM_DNS_SERVERS \"" + servers + "\": " + e.getMessage(), e);
        }
    }

    public Answer query(String name, int type) {
        try {
            Name n = Name.fromString(name.endsWith(".") ? name : name + ".");
            Message response = resolver.send(Message.newQuery(Record.newRecord(n, type, DClass.IN)));
            if (response.getRcode() == Rcode.NXDOMAIN) {
                return new Answer(Status.NXDOMAIN, List.of());
            }
            if (response.getRcode() != Rcode.NOERROR) {
                return new Answer(Status.AGAIN, List.of());
            }
            List<Record> records = response.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
            return new Answer(records.isEmpty() ? Status.NODATA : Status.FOUND, records);
        } catch (TextParseException e) {
            return new Answer(Status.NXDOMAIN, List.of());
        } catch (IOException e) {
            return new Answer(Status.AGAIN, List.of());
        }
    }

    /** The IPv6 then IPv4 addresses of a host name; empty when it has none; null on a temporary failure. */
    public List<String> addresses(String host) {
        List<String> out = new ArrayList<>();
        boolean anyAgain = false;
        boolean anyNx = false;
        for (int type : new int[] {Type.AAAA, Type.A}) {
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
}
