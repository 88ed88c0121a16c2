package org.jexim.dns;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jexim.conf.lists.IpAddress;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/**
 * Client SMTP Authorization ({@code verify = csa}), as Exim's acl_verify_csa and the CSA
 * lookup of dns_special_lookup: the _client._smtp SRV record of the domain (the HELO name by
 * default, an IP address or literal looked up in the reverse DNS unless dns_csa_use_reverse is
 * false), else a search of its parents from the second level down (dns_csa_search_limit
 * levels, three in the reverse DNS) for a record asserting that clients need records of their
 * own; then the SRV weight (2: authorized, if the client's address is one of the target's) and
 * the target's addresses. Results are remembered per connection in the given store.
 */
public final class CsaCheck {
    private static final String CACHE_PREFIX = "csa-cache:";

    private final DnsClient dns;
    private final Function<String, Optional<String>> read;
    private final BiConsumer<String, String> write;

    /** {@code read}/{@code write}: the connection's store for results already found. */
    public CsaCheck(DnsClient dns, Function<String, Optional<String>> read, BiConsumer<String, String> write) {
        this.dns = dns;
        this.read = read;
        this.write = write;
    }

    /** The check for a client at {@code clientIp} (null: local), domain option (blank: the HELO name). */
    public CsaResult check(String domainOption, String heloName, String clientIp) {
        String domain = domainOption == null ? "" : domainOption.strip();
        if (domain.isEmpty()) {
            domain = heloName;
        }
        if (domain == null) {
            domain = clientIp;
        }
        if (clientIp == null || clientIp.isEmpty() || domain == null) {
            return CsaResult.UNKNOWN;
        }
        if (domain.startsWith("[")) {
            int colon = domain.indexOf(':');
            int start = colon < 0 ? 0 : colon;
            domain = domain.substring(start + 1, Math.max(start + 1, domain.length() - 1));
        }
        if (IpAddress.version(domain) != 0) {
            if (!dns.settings().csaUseReverse()) {
                return CsaResult.UNKNOWN;
            }
            domain = reverse(domain);
        }
        Optional<String> cached = read.apply(CACHE_PREFIX + domain);
        if (cached.isPresent()) {
            return CsaResult.valueOf(cached.get());
        }
        CsaResult r = verify(domain, clientIp);
        write.accept(CACHE_PREFIX + domain, r.name());
        return r;
    }

    private CsaResult verify(String domain, String clientIp) {
        Found found = lookup(domain);
        if (found.status == DnsClient.Status.NXDOMAIN || found.status == DnsClient.Status.NODATA) {
            return CsaResult.UNKNOWN;
        }
        if (found.status != DnsClient.Status.FOUND) {
            return CsaResult.DEFER_SRV;
        }
        String target = null;
        for (Record r : found.answer.records()) {
            SRVRecord srv = (SRVRecord) r;
            if (srv.getPriority() != 1) {
                continue;
            }
            if (!found.name.equals(domain)) {
                return (srv.getPort() & 1) != 0 ? CsaResult.FAIL_EXPLICIT : CsaResult.UNKNOWN;
            }
            if (srv.getWeight() < 2) {
                return CsaResult.FAIL_DOMAIN;
            }
            if (srv.getWeight() > 2) {
                continue;
            }
            target = srv.getTarget().toString(true);
            break;
        }
        if (target == null) {
            return CsaResult.UNKNOWN;
        }
        if (target.isEmpty() || target.equals(".")) {
            return CsaResult.FAIL_NOADDR;
        }
        CsaResult r = addressMatch(found.answer.additional(), target, clientIp);
        if (r != CsaResult.FAIL_NOADDR) {
            return r;
        }
        DnsClient.Answer a = dns.query(target, clientIp.indexOf(':') >= 0 ? Type.AAAA : Type.A);
        return switch (a.status()) {
            case FOUND -> addressMatch(a.records(), target, clientIp);
            case NXDOMAIN, NODATA -> CsaResult.FAIL_NOADDR;
            default -> CsaResult.DEFER_ADDR;
        };
    }

    /** acl_verify_csa_address: OK when one of the target's addresses is the client's. */
    private static CsaResult addressMatch(List<Record> records, String target, String clientIp) {
        CsaResult r = CsaResult.FAIL_NOADDR;
        for (Record rec : records) {
            if (!(rec instanceof ARecord || rec instanceof AAAARecord) || !rec.getName().toString(true).equalsIgnoreCase(target)) {
                continue;
            }
            r = CsaResult.FAIL_MISMATCH;
            String address = rec instanceof ARecord a ? a.getAddress().getHostAddress()
                    : IpAddress.ipv6Canonical(IpAddress.aton(((AAAARecord) rec).getAddress().getHostAddress()));
            if (address.equalsIgnoreCase(clientIp)) {
                return CsaResult.OK;
            }
        }
        return r;
    }

    /** A CSA SRV answer and the name it was found at. */
    private record Found(DnsClient.Status status, DnsClient.Answer answer, String name) {
    }

    /** dns_special_lookup(T_CSA): the domain's own record, else an asserting parent's. */
    private Found lookup(String name) {
        DnsClient.Answer a = dns.query("_client._smtp." + name, Type.SRV);
        if (a.status() == DnsClient.Status.FOUND || a.status() == DnsClient.Status.AGAIN) {
            return new Found(a.status(), a, name);
        }
        int namesuff = name.lastIndexOf('.');
        if (namesuff < 0) {
            return new Found(DnsClient.Status.NXDOMAIN, null, null);
        }
        boolean ipv6 = false;
        int limit = dns.settings().csaSearchLimit();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".in-addr.arpa") && name.length() > ".in-addr.arpa".length()) {
            namesuff = name.length() - ".in-addr.arpa".length();
            limit = 3;
        } else if (lower.endsWith(".ip6.arpa") && name.length() > ".ip6.arpa".length()) {
            namesuff = name.length() - ".ip6.arpa".length();
            ipv6 = true;
            limit = 3;
        }
        if (a.status() == DnsClient.Status.NXDOMAIN) {
            return new Found(DnsClient.Status.NXDOMAIN, null, null);
        }
        for (int i = 0; i < limit; i++) {
            if (ipv6) {
                namesuff -= 8; // 16 bits of address: four nibbles and their dots
                if (namesuff <= 0) {
                    return new Found(DnsClient.Status.NXDOMAIN, null, null);
                }
            } else {
                do {
                    if (--namesuff <= 0) {
                        return new Found(DnsClient.Status.NXDOMAIN, null, null);
                    }
                } while (name.charAt(namesuff) != '.');
            }
            String parent = name.substring(namesuff + 1);
            DnsClient.Answer p = dns.query("_client._smtp." + parent, Type.SRV);
            if (p.status() == DnsClient.Status.AGAIN) {
                return new Found(p.status(), p, parent);
            }
            if (p.status() != DnsClient.Status.FOUND) {
                continue;
            }
            for (Record r : p.records()) {
                SRVRecord srv = (SRVRecord) r;
                if (srv.getPriority() == 1 && (srv.getPort() & 1) != 0) {
                    return new Found(DnsClient.Status.FOUND, p, parent);
                }
            }
        }
        return new Found(DnsClient.Status.NXDOMAIN, null, null);
    }

    private static String reverse(String ip) {
        try {
            return ReverseMap.fromAddress(ip).toString(true);
        } catch (java.net.UnknownHostException e) {
            return ip;
        }
    }
}
