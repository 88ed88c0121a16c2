package org.jexim.dnslists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jexim.conf.lists.ExiList;
import org.jexim.dns.DnsClient;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The ACL condition {@code dnslists}, as Exim's verify_check_dnsbl and one_check_dnsbl
 * (spec "Using DNS lists"): the list is tried in order and the first listing wins; an item may
 * name explicit keys after a slash (IP addresses are inverted, names are not), restrict the
 * returned addresses with {@code =}, {@code ==}, {@code &}, {@code =&} and their {@code !}
 * negations, and give a second domain for the TXT record; {@code +include_unknown},
 * {@code +exclude_unknown} (the default) and {@code +defer_unknown} say what a lookup that
 * fails temporarily means. Returned addresses outside 127.0.0.0/8 are ignored.
 */
public final class DnsListCheck {
    private final DnsClient dns;
    private final DnsListCache cache;

    /** {@code cache}: the connection's cache (one per SMTP connection). */
    public DnsListCheck(DnsClient dns, DnsListCache cache) {
        this.dns = dns;
        this.cache = cache;
    }

    /**
     * Evaluates the expanded list for a client at {@code hostAddress} (null for a local
     * message); {@code notSmtp}: the ACL is a non-SMTP one, where only explicit keys may be used.
     */
    public DnsListResult check(String list, String hostAddress, boolean notSmtp, String aclName) {
        Map<String, String> vars = new HashMap<>();
        vars.put("dnslist_domain", null);
        vars.put("dnslist_matched", null);
        List<String> log = new ArrayList<>();
        DnsListResult.Code deferReturn = DnsListResult.Code.FAIL;
        ExiList items = ExiList.of(list);
        for (String raw; (raw = items.next()) != null; ) {
            if (raw.startsWith("+")) {
                switch (raw.toLowerCase(java.util.Locale.ROOT)) {
                    case "+include_unknown" -> deferReturn = DnsListResult.Code.OK;
                    case "+exclude_unknown" -> deferReturn = DnsListResult.Code.FAIL;
                    case "+defer_unknown" -> deferReturn = DnsListResult.Code.DEFER;
                    default -> log.add("unknown item in dnslist (ignored): " + raw);
                }
                continue;
            }
            DnsListItem item = DnsListItem.parse(raw);
            if (item.keys() == null) {
                if (notSmtp) {
                    log.add("cannot test auto-keyed dnslists condition in " + aclName + " ACL");
                    return new DnsListResult(DnsListResult.Code.ERROR, vars, log);
                }
                if (hostAddress == null || hostAddress.isEmpty()) {
                    return new DnsListResult(DnsListResult.Code.FAIL, vars, log); // can never match
                }
                DnsListResult.Code rc = one(item, item.domain(), hostAddress, invert(hostAddress), item.ipList(),
                        deferReturn, vars, log);
                if (rc == DnsListResult.Code.OK) {
                    vars.put("dnslist_domain", item.txtDomain());
                    vars.put("dnslist_matched", hostAddress);
                }
                if (rc != DnsListResult.Code.FAIL) {
                    return new DnsListResult(rc, vars, log);
                }
            } else {
                boolean defer = false;
                ExiList keys = ExiList.of(item.keys());
                for (String key; (key = keys.next()) != null; ) {
                    String prepend = isIp(key) ? invert(key) : key;
                    DnsListResult.Code rc = one(item, item.domain(), key, prepend, item.ipList(), deferReturn, vars, log);
                    if (rc == DnsListResult.Code.OK) {
                        vars.put("dnslist_domain", item.txtDomain());
                        vars.put("dnslist_matched", key);
                        return new DnsListResult(rc, vars, log);
                    }
                    if (rc == DnsListResult.Code.DEFER) {
                        defer = true; // a later key may still give an answer
                    }
                }
                if (defer) {
                    return new DnsListResult(DnsListResult.Code.DEFER, vars, log);
                }
            }
        }
        return new DnsListResult(DnsListResult.Code.FAIL, vars, log);
    }

    /** Exim's one_check_dnsbl: one query in one domain, with the return-value restriction. */
    private DnsListResult.Code one(DnsListItem item, String domain, String key, String prepend, String ipList,
                                   DnsListResult.Code deferReturn, Map<String, String> vars, List<String> log) {
        String query = prepend + "." + domain;
        if (query.length() > 255) {
            log.add("dnslist query is too long (ignored): " + query.substring(0, 247) + "...");
            return DnsListResult.Code.FAIL;
        }
        DnsListCache.Entry e = lookup(query, log);
        if (e.status == DnsListCache.Lookup.FOUND) {
            String addlist = String.join(", ", e.addresses);
            if (ipList != null) {
                boolean stoppedEarly = false;
                for (String address : e.addresses) {
                    boolean matched = item.bitmask() ? maskMatches(address, ipList) : listed(address, ipList);
                    // stop at a match of an "any" list, or at a non-match of an "all" list
                    if (item.all() != matched) {
                        stoppedEarly = true;
                        break;
                    }
                }
                boolean onlyNot = item.negated() && !item.all();
                boolean onlyAll = item.all() && !item.negated();
                if ((onlyNot || onlyAll) != !stoppedEarly) {
                    return DnsListResult.Code.FAIL;
                }
            }
            if (!item.txtDomain().equals(domain)) {
                // the TXT domain is asked without restriction: it must list the key too
                DnsListItem plain = new DnsListItem(item.txtDomain(), item.txtDomain(), null, null, false, false, false);
                return one(plain, item.txtDomain(), key, prepend, null, deferReturn, vars, log);
            }
            if (!e.textSet) {
                e.textSet = true;
                DnsClient.Answer txt = dns.query(query, Type.TXT);
                if (txt.status() == DnsClient.Status.FOUND) {
                    for (Record r : txt.records()) {
                        List<String> strings = ((TXTRecord) r).getStrings();
                        // Exim takes the first character-string of the first TXT record
                        e.text = strings.isEmpty() ? "" : strings.get(0);
                        break;
                    }
                }
                cache.put(query, e);
            }
            vars.put("dnslist_value", addlist);
            vars.put("dnslist_text", e.text);
            return DnsListResult.Code.OK;
        }
        if (e.status == DnsListCache.Lookup.AGAIN) {
            log.add("DNS list lookup defer (probably timeout) for " + query + ": "
                    + switch (deferReturn) {
                        case OK -> "assumed in list";
                        case FAIL -> "assumed not in list";
                        default -> "returned DEFER";
                    });
            return deferReturn;
        }
        return DnsListResult.Code.FAIL;
    }

    private DnsListCache.Entry lookup(String query, List<String> log) {
        long now = System.currentTimeMillis();
        DnsListCache.Entry cached = cache.get(query, now);
        if (cached != null) {
            return cached;
        }
        DnsClient.Answer a = dns.query(query, Type.A);
        DnsListCache.Entry e;
        if (a.status() == DnsClient.Status.FOUND) {
            List<String> kept = new ArrayList<>();
            long ttl = 3600; // Exim's longest positive cache time
            for (Record r : a.records()) {
                String address = ((ARecord) r).getAddress().getHostAddress();
                ttl = Math.min(ttl, r.getTTL());
                if (address.startsWith("127.")) {
                    kept.add(address);
                } else {
                    log.add("DNS list lookup for " + query + " returned " + address + "; not in 127.0/8 and discarded");
                }
            }
            e = new DnsListCache.Entry(kept.isEmpty() ? DnsListCache.Lookup.NOT_FOUND : DnsListCache.Lookup.FOUND,
                    List.copyOf(kept), now + ttl * 1000);
        } else if (a.status() == DnsClient.Status.AGAIN) {
            e = new DnsListCache.Entry(DnsListCache.Lookup.AGAIN, List.of(), now + 3600_000); // Exim keeps a failed lookup as long
        } else {
            e = new DnsListCache.Entry(DnsListCache.Lookup.NOT_FOUND, List.of(), now + 3600_000);
        }
        cache.put(query, e);
        return e;
    }

    private static boolean listed(String address, String ipList) {
        for (String ip : ExiList.items(ipList, ',')) {
            if (ip.equals(address)) {
                return true;
            }
        }
        return false;
    }

    /** Whether all the bits of one IPv4 mask of the list are set in the address (IPv6 ignored). */
    private static boolean maskMatches(String address, String ipList) {
        long a = ipv4(address);
        if (a < 0) {
            a = 0; // Exim's paranoia: a non-IPv4 answer has mask 0, which always matches
        }
        for (String m : ExiList.items(ipList, ',')) {
            long mask = ipv4(m);
            if (mask >= 0 && (mask & a) == mask) {
                return true;
            }
        }
        return false;
    }

    private static long ipv4(String s) {
        String[] p = s.strip().split("\\.", -1);
        if (p.length != 4) {
            return -1;
        }
        long v = 0;
        for (String x : p) {
            if (!x.matches("[0-9]{1,3}")) {
                return -1;
            }
            int n = Integer.parseInt(x);
            if (n > 255) {
                return -1;
            }
            v = (v << 8) | n;
        }
        return v;
    }

    private static boolean isIp(String s) {
        return ipv4(s) >= 0 || (s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.]+"));
    }

    /** The address as a DNS list wants it: reversed octets for IPv4, reversed nibbles for IPv6. */
    static String invert(String address) {
        if (address.indexOf(':') < 0) {
            String[] p = address.split("\\.");
            return p[3] + "." + p[2] + "." + p[1] + "." + p[0];
        }
        byte[] b;
        try {
            b = java.net.InetAddress.getByName(address).getAddress();
        } catch (java.net.UnknownHostException e) {
            return address;
        }
        StringBuilder out = new StringBuilder();
        for (int i = b.length - 1; i >= 0; i--) {
            out.append(Character.forDigit(b[i] & 0xf, 16)).append('.').append(Character.forDigit((b[i] >> 4) & 0xf, 16));
            if (i > 0) {
                out.append('.');
            }
        }
        return out.toString();
    }
}
