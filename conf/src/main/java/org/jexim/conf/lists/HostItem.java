package org.jexim.conf.lists;

import java.util.List;
import org.jexim.conf.lookup.LookupException;
import org.jexim.conf.lookup.LookupSpec;
import org.jexim.conf.lookup.LookupType;
import org.jexim.conf.lookup.Lookups;

/**
 * Exim's check_host(): one item of a host list: {@code *}, an IP address or CIDR network,
 * {@code @}, {@code @[]}, {@code net-lsearch;FILE} style masked lookups, a host name (forward
 * lookup), or a name pattern matched against the host's name (reverse lookup when not given).
 */
final class HostItem implements ItemTest {
    /** The host's address, and its name ("" for IP-only matching, null to look it up when needed). */
    private final String address;
    private String name;
    private List<String> aliases = List.of();
    private boolean nameLooked;

    HostItem(String address, String name) {
        this.address = address;
        this.name = name;
        this.nameLooked = name != null;
    }

    @Override
    public int test(String ss, MatchState st) {
        st.value = null;
        boolean ipOnly = name != null && name.isEmpty();
        if (ss.equals("*")) {
            return OK;
        }
        if (address.isEmpty()) {
            return ss.isEmpty() ? OK : FAIL;
        }
        if (ss.isEmpty()) {
            return FAIL;
        }
        if (ss.startsWith("@")) {
            if (ss.length() == 1) {
                if (ipOnly) {
                    return ERROR;
                }
                ss = st.env.primaryHostname();
            } else if (ss.equals("@[]")) {
                return st.env.interfaceAddresses().contains(address) ? OK : FAIL;
            }
        }
        int[] ip = IpAddress.check(ss, true);
        if (ip[0] != 0) {
            return IpAddress.inNet(address, ss, ip[1]) ? OK : FAIL;
        }
        int t = 0;
        while (t < ss.length() && (Character.isDigit(ss.charAt(t)) || ss.charAt(t) == '.')) {
            t++;
        }
        if (t == ss.length() || (ss.charAt(t) == '/' && t != 0)) {
            st.error = "malformed IPv4 address or address mask";
            return ERROR;
        }
        int semi = ss.indexOf(';');
        int endname = semi;
        String opts = null;
        if (semi >= 0) {
            int comma = ss.indexOf(',');
            if (comma >= 0 && comma < semi) {
                endname = comma;
                opts = ss.substring(comma + 1, semi);
            }
        }
        boolean ipLookup = ipOnly && semi >= 0;
        int mlen = -1;
        int typeStart = 0;
        if (ss.startsWith("net") && semi >= 0) {
            int k = 3;
            mlen = 0;
            while (k < ss.length() && Character.isDigit(ss.charAt(k))) {
                mlen = mlen * 10 + ss.charAt(k++) - '0';
            }
            if (mlen == 0 && k == 3) {
                mlen = -1;
            }
            ipLookup = k < ss.length() && ss.charAt(k) == '-';
            typeStart = k + 1;
        }
        if (ipLookup) {
            return ipLookup(ss, typeStart, endname, semi, opts, mlen, st);
        }
        if (ipOnly) {
            st.error = "cannot match host name in match_ip list";
            return ERROR;
        }
        boolean plainName = true;
        for (int i = 0; i < ss.length(); i++) {
            char c = ss.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '.' && c != '-' && c != '_' || c > 127) {
                plainName = false;
                break;
            }
        }
        if (plainName) {
            try {
                List<String> addrs = st.env.resolver().addresses(ss);
                if (addrs.isEmpty()) {
                    st.error = "failed to find IP address for " + ss;
                    return ERROR;
                }
                for (String a : addrs) {
                    if (IpAddress.version(a) != 0 && IpAddress.inNet(a, address, 0)) {
                        return OK;
                    }
                }
                return FAIL;
            } catch (HostResolver.TryAgain e) {
                return DEFER;
            }
        }
        if (semi >= 0) {
            try {
                LookupSpec spec = LookupSpec.parse(ss.substring(0, semi), st.env.lookups());
                if (spec.type().style() != LookupType.Style.SINGLE_KEY) {
                    return sub("", ss, st);
                }
            } catch (LookupException e) {
                st.error = e.getMessage() + " in host list item \"" + ss + "\"";
                return DEFER;
            }
        }
        if (!nameLooked) {
            nameLooked = true;
            try {
                List<String> names = st.env.resolver().names(address);
                if (!names.isEmpty()) {
                    name = names.get(0);
                    aliases = names.subList(1, names.size());
                }
            } catch (HostResolver.TryAgain e) {
                name = null;
            }
        }
        if (name == null || name.isEmpty()) {
            st.error = "failed to find host name for " + address;
            return ERROR;
        }
        int rc = sub(name, ss, st);
        if (rc != FAIL) {
            return rc;
        }
        for (String alias : aliases) {
            rc = sub(alias, ss, st);
            if (rc != FAIL) {
                return rc;
            }
        }
        return FAIL;
    }

    /** match_check_string(name, pattern, -1, TRUE, TRUE, TRUE, valueptr). */
    private static int sub(String subject, String pattern, MatchState outer) {
        MatchState st = new MatchState(outer.env, subject, true, -1);
        int rc = new StringItem(true, true).test(pattern, st);
        if (rc == OK) {
            outer.value = st.value;
        } else if (rc == DEFER) {
            outer.error = st.error;
        }
        return rc == ERROR ? FAIL : rc;
    }

    private int ipLookup(String ss, int typeStart, int endname, int semi, String opts, int mlen, MatchState st) {
        Lookups lookups = st.env.lookups();
        LookupSpec spec;
        try {
            spec = LookupSpec.parse(ss.substring(typeStart, endname), lookups);
        } catch (LookupException e) {
            st.error = e.getMessage();
            return DEFER;
        }
        spec = new LookupSpec(spec.text(), spec.type(), -1, null, false, false, opts);
        String file;
        String key;
        String rest = ss.substring(semi + 1);
        switch (spec.type().style()) {
            case ABSFILE_QUERY -> {
                int i = 0;
                while (i < rest.length() && !Character.isWhitespace(rest.charAt(i))) {
                    i++;
                }
                file = rest.substring(0, i);
                key = rest.substring(i).stripLeading();
            }
            case QUERY -> {
                file = null;
                key = rest;
            }
            default -> {
                char sep = spec.type().name().equals("iplsearch") ? ':' : '.';
                int[] bin = IpAddress.aton(address);
                IpAddress.mask(bin, mlen);
                key = IpAddress.nmtoa(bin, mlen, sep);
                file = rest;
            }
        }
        try {
            Lookups.Found f = lookups.find(spec, file, key, st.env.lookupEnv());
            if (f == null) {
                return FAIL;
            }
            st.value = f.value();
            return OK;
        } catch (LookupException e) {
            st.error = e.getMessage();
            return DEFER;
        }
    }
}
