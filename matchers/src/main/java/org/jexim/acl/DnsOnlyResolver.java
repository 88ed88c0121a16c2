package org.jexim.acl;

import java.util.ArrayList;
import java.util.List;
import org.jexim.conf.lists.HostResolver;
import org.jexim.conf.lookup.Dns;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The lookups of verify = helo and reverse_host_lookup as Exim makes them: the client's names
 * from PTR records (or the hosts file, as gethostbyaddr), but a name's addresses from the DNS
 * only (host_find_bydns), so "localhost" without an A record does not confirm 127.0.0.1.
 */
final class DnsOnlyResolver implements HostResolver {
    private final Dns.Rules rules;

    /** Asking under the configuration's dns_check_names_pattern and dns_again_means_nonexist. */
    DnsOnlyResolver(Dns.Rules rules) {
        this.rules = rules;
    }

    @Override
    public List<String> addresses(String name) throws TryAgain {
        List<String> out = new ArrayList<>();
        for (int type : new int[] {Type.AAAA, Type.A}) {
            Dns.Answer answer = Dns.query(name, type, 5, 2, rules);
            if (answer.status() == Dns.Status.AGAIN) {
                throw new TryAgain("lookup of " + name + " deferred");
            }
            for (Record r : answer.records()) {
                if (r instanceof ARecord a) {
                    out.add(a.getAddress().getHostAddress());
                } else if (r instanceof AAAARecord a) {
                    out.add(org.jexim.conf.lists.IpAddress.ipv6Canonical(
                            org.jexim.conf.lists.IpAddress.aton(a.getAddress().getHostAddress())));
                }
            }
        }
        return out;
    }

    @Override
    public List<String> names(String address) throws TryAgain {
        return HostResolver.SYSTEM.names(address);
    }
}
