package org.jexim.conf.lookup;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.jexim.conf.lists.Ascii;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.lists.IpAddress;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * dnsdb: {@code ${lookup dnsdb{>SEP,defer_MODE,dnssec_MODE,retrans_T,retry_N,TYPE=domain:domain}}}
 * with the record types of Exim 4.96 (a, a+, aaaa, cname, csa, mx, mxh, ns, ptr, soa, spf,
 * srv, tlsa, txt, zns).
 */
final class DnsdbLookup implements LookupType {
    private static final int MXH = -1;
    private static final int ADDRESSES = -2;
    private static final int ZNS = -3;
    private static final int CSA = -4;
    private static final Map<String, Integer> TYPES = Map.ofEntries(Map.entry("a", Type.A),
            Map.entry("a+", ADDRESSES), Map.entry("aaaa", Type.AAAA), Map.entry("cname", Type.CNAME),
            Map.entry("csa", CSA), Map.entry("mx", Type.MX), Map.entry("mxh", MXH), Map.entry("ns", Type.NS),
            Map.entry("ptr", Type.PTR), Map.entry("soa", Type.SOA), Map.entry("spf", Type.SPF),
            Map.entry("srv", Type.SRV), Map.entry("tlsa", Type.TLSA), Map.entry("txt", Type.TXT),
            Map.entry("zns", ZNS));

    @Override
    public String name() {
        return "dnsdb";
    }

    @Override
    public Style style() {
        return Style.QUERY;
    }

    @Override
    public boolean cacheable() {
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    @Override
    public String find(String file, String query, String opts, LookupEnv env) throws LookupException {
        String k = query;
        int i = 0;
        while (i < k.length() && isSpace(k.charAt(i))) {
            i++;
        }
        char outsep = '\n';
        Character outsep2 = null;
        if (i < k.length() && k.charAt(i) == '>') {
            outsep = i + 1 < k.length() ? k.charAt(i + 1) : 0;
            i += 2;
            if (i < k.length() && k.charAt(i) == ',') {
                outsep2 = i + 1 < k.length() ? k.charAt(i + 1) : 0;
                i += 2;
            } else if (i < k.length() && k.charAt(i) == ';') {
                outsep2 = 0;
                i++;
            }
            while (i < k.length() && isSpace(k.charAt(i))) {
                i++;
            }
        }
        String defer = "lax";
        String dnssec = "lax";
        // retrans_ and retry_ override dns_retrans and dns_retry, themselves the resolver's 5 s and 2 when unset
        int retrans = env.option("dns_retrans").map(String::strip).filter(v -> !v.isEmpty())
                .map(v -> Math.max(1, org.jexim.conf.options.EximTime.read(v))).orElse(5);
        int retry = env.option("dns_retry").map(String::strip).filter(v -> !v.isEmpty()).map(Integer::parseInt)
                .filter(n -> n > 0).orElse(2);
        Dns.Rules rules = Dns.Rules.of(env);
        while (true) {
            String rest = k.substring(Math.min(i, k.length()));
            if (rest.regionMatches(true, 0, "defer_", 0, 6)) {
                i += 6;
                defer = mode(k, i, "unsupported dnsdb defer behaviour");
                i += defer.length();
            } else if (rest.regionMatches(true, 0, "dnssec_", 0, 7)) {
                i += 7;
                dnssec = mode(k, i, "unsupported dnsdb dnssec behaviour");
                i += dnssec.length();
            } else if (rest.regionMatches(true, 0, "retrans_", 0, 8)) {
                int comma = k.indexOf(',', i);
                int t = org.jexim.conf.options.EximTime.read(
                        k.substring(i + 8, comma < 0 ? k.length() : comma));
                if (t <= 0) {
                    throw LookupException.defer("unsupported dnsdb timeout value");
                }
                retrans = t;
                i = comma < 0 ? k.length() : comma;
            } else if (rest.regionMatches(true, 0, "retry_", 0, 6)) {
                int j = i + 6;
                int v = 0;
                while (j < k.length() && Character.isDigit(k.charAt(j))) {
                    v = v * 10 + k.charAt(j++) - '0';
                }
                retry = v;
                i = j;
            } else {
                break;
            }
            while (i < k.length() && isSpace(k.charAt(i))) {
                i++;
            }
            if (i >= k.length() || k.charAt(i++) != ',') {
                throw LookupException.defer("dnsdb modifier syntax error");
            }
            while (i < k.length() && isSpace(k.charAt(i))) {
                i++;
            }
        }
        k = k.substring(Math.min(i, k.length()));
        int type = Type.TXT;
        int eq = k.indexOf('=');
        if (eq >= 0) {
            String t = k.substring(0, eq).stripTrailing();
            Integer v = TYPES.get(Ascii.lower(t));
            if (v == null) {
                throw LookupException.defer("unsupported DNS record type");
            }
            type = v;
            k = k.substring(eq + 1).stripLeading();
        }
        int sep = 0;
        if (type == Type.PTR && !k.startsWith("<") && IpAddress.version(k) != 0) {
            sep = ExiList.SINGLE_ITEM;
        }
        if (outsep2 == null) {
            if (type == Type.SPF) {
                outsep2 = 0;
            } else if (type == Type.SRV || type == Type.MX || type == Type.TLSA) {
                outsep2 = ' ';
            }
        }
        StringBuilder y = new StringBuilder();
        boolean deferred = false;
        ExiList domains = new ExiList(k, sep);
        for (String domain; (domain = domains.next()) != null; ) {
            String d = domain;
            if ((type == Type.PTR || type == CSA) && IpAddress.version(d) != 0) {
                d = reverse(d);
            }
            int[] searches = type == ADDRESSES ? new int[] {Type.AAAA, Type.A}
                    : new int[] {type == MXH ? Type.MX : type == ZNS ? Type.NS : type == CSA ? Type.SRV : type};
            for (int st : searches) {
                String qname = type == CSA ? "_client._smtp." + d : d;
                Dns.Answer a = Dns.query(qname, st, retrans, retry, rules);
                if (type == ZNS && a.status() != Dns.Status.FOUND) {
                    a = zoneNs(d, retrans, retry, rules);
                }
                if (a.status() == Dns.Status.NOMATCH || a.status() == Dns.Status.NODATA) {
                    continue;
                }
                if (a.status() != Dns.Status.FOUND || dnssec.equals("strict") && !a.secure()) {
                    if (defer.equals("strict")) {
                        throw LookupException.defer("");
                    }
                    if (defer.equals("lax")) {
                        deferred = true;
                    }
                    continue;
                }
                for (Record r : a.records()) {
                    if (r.getType() != st) {
                        continue;
                    }
                    appendRecord(y, r, type, outsep, outsep2);
                }
            }
        }
        if (y.length() == 0) {
            if (deferred) {
                throw LookupException.defer("");
            }
            return null;
        }
        return y.toString();
    }

    private static String mode(String k, int i, String error) throws LookupException {
        for (String m : new String[] {"strict", "lax", "never"}) {
            if (k.regionMatches(true, i, m, 0, m.length())) {
                return m;
            }
        }
        throw LookupException.defer(error);
    }

    /** The nameservers of the zone holding {@code d}: NS lookups walking up the tree. */
    private static Dns.Answer zoneNs(String d, int retrans, int retry, Dns.Rules rules) {
        String n = d;
        while (true) {
            int dot = n.indexOf('.');
            if (dot < 0) {
                return new Dns.Answer(Dns.Status.NOMATCH, List.of(), false);
            }
            n = n.substring(dot + 1);
            Dns.Answer a = Dns.query(n, Type.NS, retrans, retry, rules);
            if (a.status() == Dns.Status.FOUND || a.status() == Dns.Status.AGAIN) {
                return a;
            }
        }
    }

    private static String reverse(String ip) {
        try {
            return org.xbill.DNS.ReverseMap.fromAddress(InetAddress.getByName(ip)).toString(true);
        } catch (java.net.UnknownHostException e) {
            return ip;
        }
    }

    private static String host(org.xbill.DNS.Name n) {
        return n.toString(true);
    }

    private static void appendRecord(StringBuilder y, Record r, int type, char outsep, Character outsep2) {
        if (r instanceof ARecord a) {
            sep(y, outsep);
            y.append(a.getAddress().getHostAddress());
            return;
        }
        if (r instanceof AAAARecord a) {
            sep(y, outsep);
            y.append(IpAddress.ipv6Canonical(IpAddress.aton(a.getAddress().getHostAddress())));
            return;
        }
        sep(y, outsep);
        if (r instanceof TXTRecord t) {
            List<byte[]> parts = t.getStringsAsByteArrays();
            if (outsep2 == null) {
                if (!parts.isEmpty()) {
                    y.append(new String(parts.get(0), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            } else {
                for (int i = 0; i < parts.size(); i++) {
                    if (outsep2 != 0 && i > 0) {
                        y.append((char) outsep2);
                    }
                    y.append(new String(parts.get(i), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        } else if (r instanceof TLSARecord t) {
            y.append(t.getCertificateUsage()).append((char) outsep2).append(t.getSelector()).append((char) outsep2)
                    .append(t.getMatchingType()).append((char) outsep2)
                    .append(java.util.HexFormat.of().formatHex(t.getCertificateAssociationData()));
        } else if (r instanceof MXRecord m) {
            if (type != MXH) {
                y.append(m.getPriority()).append((char) outsep2);
            }
            y.append(host(m.getTarget()));
        } else if (r instanceof SRVRecord s) {
            if (type == CSA) {
                y.append(csa(s)).append(' ');
            } else {
                y.append(s.getPriority()).append((char) outsep2).append(s.getWeight()).append((char) outsep2)
                        .append(s.getPort()).append((char) outsep2);
            }
            y.append(host(s.getTarget()));
        } else if (r instanceof SOARecord s) {
            y.append(host(s.getHost()));
            if (outsep2 != null) {
                char c = outsep2;
                y.append(c).append(host(s.getAdmin())).append(c).append(s.getSerial()).append(c)
                        .append(s.getRefresh()).append(c).append(s.getRetry()).append(c).append(s.getExpire())
                        .append(c).append(s.getMinimum());
            }
        } else if (r instanceof NSRecord n) {
            y.append(host(n.getTarget()));
        } else if (r instanceof PTRRecord p) {
            y.append(host(p.getTarget()));
        } else if (r instanceof CNAMERecord c) {
            y.append(host(c.getTarget()));
        } else {
            y.append(r.rdataToString());
        }
    }

    private static char csa(SRVRecord s) {
        int w = s.getWeight();
        return w < 2 ? 'N' : w == 2 ? 'Y' : '?';
    }

    private static void sep(StringBuilder y, char outsep) {
        if (y.length() > 0) {
            y.append(outsep);
        }
    }
}
