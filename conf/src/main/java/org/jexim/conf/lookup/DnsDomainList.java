package org.jexim.conf.lookup;

import java.util.Locale;
import org.jexim.conf.lists.ListEnv;
import org.jexim.conf.lists.Lists;
import org.jexim.conf.lists.NamedLists;

/**
 * One of the resolver's domain-list options (dns_again_means_nonexist, dns_ipv4_lookup,
 * dns_trust_aa) matched as Exim's match_isinlist does: the full domain-list syntax (wildcards,
 * regular expressions, lookups, {@code +name}, {@code !} negation); an unset or empty list
 * matches nothing, and a match that defers counts as no match.
 */
public final class DnsDomainList {
    private final String list;
    private final ListEnv env;

    public DnsDomainList(String list, NamedLists namedLists) {
        this.list = list == null ? "" : list.strip();
        this.env = ListEnv.of(namedLists == null ? NamedLists.NONE : namedLists, "");
    }

    public boolean contains(String name) {
        if (list.isEmpty()) {
            return false;
        }
        String d = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return Lists.domain(d.toLowerCase(Locale.ROOT), list, env).matched();
    }
}
