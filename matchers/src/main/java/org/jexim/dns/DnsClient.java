package org.jexim.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;

/**
 * The DNS questions of the anti-spam conditions (dnslists, SPF, DKIM keys), sent to the
 * configured servers with the configured timeouts: one answer status as Exim's dns_lookup
 * (found, no such name, no data, try again) and the records of the asked type.
 */
public final class DnsClient {
    /** How a question ended, as Exim's DNS_SUCCEED, DNS_NOMATCH, DNS_NODATA, DNS_AGAIN. */
    public enum Status { FOUND, NXDOMAIN, NODATA, AGAIN }

    /** An answer's status and the records of the asked type (CNAMEs followed by the server). */
    public record Answer(Status status, List<Record> records) {
    }

    private final Resolver resolver;
    private final String againMeansNonexist;

    public DnsClient(DnsSettings settings) {
        this.resolver = resolver(settings);
        this.againMeansNonexist = settings.againMeansNonexist();
    }

    /** The dnsjava resolver these settings describe (for libraries that ask the DNS themselves, such as jSPF). */
    public static Resolver resolver(DnsSettings settings) {
        try {
            ExtendedResolver r;
            if (settings.servers().isEmpty()) {
                r = new ExtendedResolver();
            } else {
                List<Resolver> list = new ArrayList<>();
                for (String s : settings.servers()) {
                    int colon = s.lastIndexOf(':');
                    boolean hasPort = colon > 0 && (s.indexOf(':') == colon || s.charAt(colon - 1) == ']');
                    String host = (hasPort ? s.substring(0, colon) : s).replace("[", "").replace("]", "");
                    int port = hasPort ? Integer.parseInt(s.substring(colon + 1)) : 53;
                    list.add(new SimpleResolver(new InetSocketAddress(host, port)));
                }
                r = new ExtendedResolver(list);
            }
            if (!settings.retrans().isZero()) {
                r.setTimeout(settings.retrans());
            } else if (!settings.servers().isEmpty()) {
                r.setTimeout(java.time.Duration.ofSeconds(2));
            }
            r.setRetries(settings.retry() > 0 ? settings.retry() : 1);
            if (settings.ednsPayload() == 0) {
                r.setEDNS(-1);
            } else if (settings.ednsPayload() > 0) {
                r.setEDNS(0, settings.ednsPayload(), 0, List.of());
            }
            return r;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad DNS servers " + settings.servers() + ": " + e.getMessage(), e);
        }
    }

    /** The underlying resolver. */
    public Resolver resolver() {
        return resolver;
    }

    /** Asks for records of {@code type} at {@code name}. */
    public Answer query(String name, int type) {
        Name n;
        try {
            n = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            return new Answer(Status.NXDOMAIN, List.of());
        }
        Answer a;
        try {
            Message response = resolver.send(Message.newQuery(Record.newRecord(n, type, DClass.IN)));
            int rcode = response.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                a = new Answer(Status.NXDOMAIN, List.of());
            } else if (rcode != Rcode.NOERROR) {
                a = new Answer(Status.AGAIN, List.of());
            } else {
                List<Record> records = response.getSection(Section.ANSWER).stream()
                        .filter(r -> r.getType() == type).toList();
                a = new Answer(records.isEmpty() ? Status.NODATA : Status.FOUND, records);
            }
        } catch (IOException | RuntimeException e) {
            a = new Answer(Status.AGAIN, List.of());
        }
        if (a.status() == Status.AGAIN && againMeansNonexist(name)) {
            return new Answer(Status.NXDOMAIN, List.of());
        }
        return a;
    }

    private boolean againMeansNonexist(String name) {
        if (againMeansNonexist == null || againMeansNonexist.isBlank()) {
            return false;
        }
        String d = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        for (String item : org.jexim.conf.lists.ExiList.items(againMeansNonexist)) {
            String p = item.strip().toLowerCase(java.util.Locale.ROOT);
            String lower = d.toLowerCase(java.util.Locale.ROOT);
            if (p.equals("*") || p.equals(lower) || (p.startsWith("*") && lower.endsWith(p.substring(1)))) {
                return true;
            }
        }
        return false;
    }
}
