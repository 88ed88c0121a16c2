package org.jexim.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The resolver's search list, and the names a lookup tries in turn as the C resolver's res_search
 * does (ndots 1) with Exim's dnslookup options: {@code qualify_single} (RES_DEFNAMES: a name
 * without a dot gets the first search domain) and {@code search_parents} (RES_DNSRCH: a dotted
 * name not found as it is gets each search domain). The list is the JEXIM_DNS_SEARCH macro when
 * the configure sets JEXIM_DNS_SERVERS (a test DNS server: the system's list does not apply to
 * it), else /etc/resolv.conf's last {@code search} or {@code domain} line.
 */
public final class ResolverSearch {
    /** The routing variable carrying JEXIM_DNS_SEARCH to the routers. */
    public static final String VARIABLE = org.jexim.matchers.RouterContexts.DNS_SEARCH;
    private static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");
    private final List<String> domains;

    ResolverSearch(List<String> domains) {
        this.domains = List.copyOf(domains);
    }

    /**
     * @param servers JEXIM_DNS_SERVERS (blank: the system's resolver)
     * @param search JEXIM_DNS_SEARCH, domains separated by white space or colons
     */
    static ResolverSearch of(String servers, String search) {
        if (servers != null && !servers.isBlank()) {
            return new ResolverSearch(split(search));
        }
        return new ResolverSearch(fromResolvConf(RESOLV_CONF));
    }

    static List<String> fromResolvConf(Path file) {
        List<String> found = List.of();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                String[] words = line.strip().split("\\s+");
                if (words.length > 1 && (words[0].equals("search") || words[0].equals("domain"))) {
                    found = words[0].equals("domain") ? List.of(words[1])
                            : Arrays.asList(words).subList(1, words.length);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }

    private static List<String> split(String search) {
        List<String> out = new ArrayList<>();
        if (search != null) {
            for (String d : search.strip().split("[\\s:]+")) {
                if (!d.isEmpty()) {
                    out.add(d.endsWith(".") ? d.substring(0, d.length() - 1) : d);
                }
            }
        }
        return out;
    }

    /** The names to look up for {@code name}, in order; the name itself is among them. */
    List<String> candidates(String name, boolean qualifySingle, boolean searchParents) {
        if (name.endsWith(".")) {
            return List.of(name.substring(0, name.length() - 1));
        }
        boolean dotted = name.contains(".");
        List<String> out = new ArrayList<>();
        if (dotted) {
            out.add(name);
        }
        if ((!dotted && qualifySingle) || (dotted && searchParents)) {
            for (String d : searchParents ? domains : domains.stream().limit(1).toList()) {
                out.add(name + "." + d);
            }
        }
        if (!dotted) {
            out.add(name);
        }
        return out;
    }
}
