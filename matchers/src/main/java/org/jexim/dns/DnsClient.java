package org.jexim.dns;

import org.jexim.conf.lookup.DnsDomainList;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Flags;
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

    /**
     * An answer's status, the records of the asked type (CNAMEs followed by the server), the
     * additional section's records, and whether it is authentic (AD flag, or dns_trust_aa).
     */
    public record Answer(Status status, List<Record> records, List<Record> additional, boolean secure) {
        public Answer(Status status, List<Record> records) {
            this(status, records, List.of(), false);
        }
    }

    private final Resolver resolver;
    private final DnsDomainList ipv4Lookup;
    private final DnsSettings settings;

    public DnsClient(DnsSettings settings) {
        this.settings = settings;
        this.resolver = resolver(settings);
        this.ipv4Lookup = new DnsDomainList(settings.ipv4Lookup(), settings.namedLists());
    }

    /** The settings this client asks with. */
    public DnsSettings settings() {
        return settings;
    }

    /**
     * The dnsjava resolver these settings describe (for libraries that ask the DNS themselves,
     * such as jSPF), with Exim's checks around it ({@link EximResolver}).
     */
    public static Resolver resolver(DnsSettings settings) {
        return new EximResolver(wireResolver(settings), settings);
    }

    private static Resolver wireResolver(DnsSettings settings) {
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
            // as glibc: each server gets dns_retry tries of dns_retrans each
            java.time.Duration perTry = !settings.retrans().isZero() ? settings.retrans()
                    : java.time.Duration.ofSeconds(settings.servers().isEmpty() ? 5 : 2);
            int tries = settings.retry() > 0 ? settings.retry() : 1;
            for (Resolver each : r.getResolvers()) {
                each.setTimeout(perTry);
            }
            r.setTimeout(perTry.multipliedBy((long) tries * Math.max(1, r.getResolvers().length)));
            r.setRetries(tries);
            edns(r, settings);
            return r;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad DNS servers " + settings.servers() + ": " + e.getMessage(), e);
        }
    }

    /**
     * EDNS0 as glibc sends it under Exim's options: off unless dns_use_edns0 = 1 or
     * dns_dnssec_ok = 1 (which sets the DO flag, and is ignored when dns_use_edns0 = 0),
     * with glibc's payload size of 1200.
     */
    private static void edns(ExtendedResolver r, DnsSettings settings) {
        boolean dnssec = settings.dnssecOk() > 0 && settings.useEdns0() != 0;
        if (settings.useEdns0() > 0 || dnssec) {
            r.setEDNS(0, GLIBC_EDNS_PAYLOAD, dnssec ? ExtendedFlags.DO : 0, List.of());
        } else {
            r.setEDNS(-1);
        }
    }

    private static final int GLIBC_EDNS_PAYLOAD = 1200;

    /** Whether host addresses of this name are looked up as A records only (dns_ipv4_lookup). */
    public boolean ipv4Only(String host) {
        return ipv4Lookup.contains(host);
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
        try {
            Message response = resolver.send(Message.newQuery(Record.newRecord(n, type, DClass.IN)));
            int rcode = response.getRcode();
            boolean secure = response.getHeader().getFlag(Flags.AD);
            if (rcode == Rcode.NXDOMAIN) {
                return new Answer(Status.NXDOMAIN, List.of(), List.of(), secure);
            } else if (rcode != Rcode.NOERROR) {
                return new Answer(Status.AGAIN, List.of());
            }
            List<Record> records = response.getSection(Section.ANSWER).stream()
                    .filter(r -> r.getType() == type).toList();
            return new Answer(records.isEmpty() ? Status.NODATA : Status.FOUND, records,
                    response.getSection(Section.ADDITIONAL), secure);
        } catch (IOException | RuntimeException e) {
            return new Answer(Status.AGAIN, List.of());
        }
    }
}
