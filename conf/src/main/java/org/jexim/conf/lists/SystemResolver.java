package org.jexim.conf.lists;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jexim.conf.lookup.Dns;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * Host lookups as Exim does them for lists: forward lookups by the system (hosts file, DNS),
 * reverse lookups by PTR records confirmed by a forward lookup, MX records from DNS.
 */
final class SystemResolver implements HostResolver {
    @Override
    public List<String> addresses(String name) {
        try {
            List<String> out = new ArrayList<>();
            for (InetAddress a : InetAddress.getAllByName(name)) {
                out.add(text(a));
            }
            return out;
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    private static String text(InetAddress a) {
        String s = a.getHostAddress();
        int pct = s.indexOf('%');
        s = pct >= 0 ? s.substring(0, pct) : s;
        return s.indexOf(':') >= 0 ? IpAddress.ipv6Canonical(IpAddress.aton(s)) : s;
    }

    @Override
    public List<String> names(String address) throws TryAgain {
        InetAddress a;
        try {
            a = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return List.of();
        }
        List<String> confirmed = new ArrayList<>();
        Dns.Answer ptr = Dns.query(ReverseMap.fromAddress(a).toString(), Type.PTR, 5, 2);
        if (ptr.status() == Dns.Status.AGAIN) {
            throw new TryAgain("reverse lookup of " + address + " deferred");
        }
        for (Record r : ptr.records()) {
            if (r instanceof PTRRecord p) {
                String name = p.getTarget().toString(true);
                if (addresses(name).contains(text(a))) {
                    confirmed.add(name);
                }
            }
        }
        if (confirmed.isEmpty() && ptr.status() != Dns.Status.FOUND) {
            // not in the DNS: the hosts file may know it
            String n = a.getCanonicalHostName();
            if (!n.equals(a.getHostAddress())) {
                confirmed.add(n);
            }
        }
        return confirmed;
    }

    @Override
    public List<Mx> mx(String domain) throws TryAgain {
        Dns.Answer ans = Dns.query(domain, Type.MX, 5, 2);
        if (ans.status() == Dns.Status.AGAIN) {
            throw new TryAgain("MX lookup of " + domain + " deferred");
        }
        List<Mx> out = new ArrayList<>();
        for (Record r : ans.records()) {
            if (r instanceof MXRecord m) {
                out.add(new Mx(m.getPriority(), m.getTarget().toString(true)));
            }
        }
        out.sort(Comparator.comparingInt(Mx::preference));
        return out;
    }
}
