package org.jexim.conf.lookup.ldap;

import com.unboundid.ldap.sdk.DereferencePolicy;
import org.jexim.conf.expand.Escapes;
import org.jexim.conf.lists.Ascii;
import org.jexim.conf.lookup.LookupException;

/**
 * An LDAP query as Exim's control_ldap_search() reads it: {@code NAME=value} settings (USER,
 * PASS, SIZE, TIME, CONNECT, NETTIME, SERVERS, DEREFERENCE, REFERRALS), then the URL.
 */
public record LdapRequest(String url, String user, String password, int sizeLimit, int timeLimit, int tcpLimit,
        DereferencePolicy dereference, boolean followReferrals, String servers) {

    /** Parses {@code query}; a malformed one is a DEFER with Exim's message. */
    public static LdapRequest parse(String query) throws LookupException {
        int i = skipSpace(query, 0);
        String user = null;
        String password = null;
        int size = 0;
        int time = 0;
        int tcp = 0;
        DereferencePolicy deref = DereferencePolicy.NEVER;
        boolean referrals = true;
        String servers = null;
        while (!Ascii.lower(query.substring(i, Math.min(query.length(), i + 4))).equals("ldap")) {
            int eq = query.indexOf('=', i);
            if (eq < 0) {
                throw LookupException.defer("malformed parameter setting precedes LDAP URL");
            }
            String name = query.substring(i, eq + 1);
            int[] pos = {eq + 1};
            String value = Escapes.dequote(query, pos);
            i = pos[0];
            if (i >= query.length() || !isSpace(query.charAt(i))) {
                throw LookupException.defer("malformed parameter setting precedes LDAP URL");
            }
            switch (Ascii.upper(name)) {
                case "USER=" -> user = value;
                case "PASS=" -> password = value;
                case "SIZE=" -> size = atoi(value);
                case "TIME=" -> time = atoi(value);
                case "CONNECT=", "NETTIME=" -> tcp = atoi(value);
                case "SERVERS=" -> servers = value;
                case "DEREFERENCE=" -> deref = dereference(value, deref);
                case "REFERRALS=" -> {
                    if (Ascii.lower(value).equals("follow")) {
                        referrals = true;
                    } else if (Ascii.lower(value).equals("nofollow")) {
                        referrals = false;
                    } else {
                        throw LookupException.defer("LDAP option REFERRALS is not \"follow\" or \"nofollow\"");
                    }
                }
                default -> throw LookupException.defer("unknown parameter \"" + name + "\" precedes LDAP URL");
            }
            i = skipSpace(query, i);
        }
        return new LdapRequest(query.substring(i), user == null ? null : unquoteUrl(user), password, size, time, tcp,
                deref, referrals, servers);
    }

    /** Exim's check that the URL starts ldap://, ldaps:// or ldapi://. */
    void checkScheme() throws LookupException {
        int p = 4;
        if (p < url.length() && ("sSiI".indexOf(url.charAt(p)) >= 0)) {
            p++;
        }
        if (!url.startsWith("://", p)) {
            throw LookupException.defer("LDAP URL does not start with \"ldap://\", \"ldaps://\", or \"ldapi://\""
                    + " (it starts with \"" + url.substring(0, Math.min(16, url.length())) + "...\")");
        }
    }

    /** Whether the URL names no server ({@code ldap:///...}), so that the default servers apply. */
    boolean hostless() {
        int p = url.indexOf("://");
        return p >= 0 && url.startsWith("/", p + 3);
    }

    private static DereferencePolicy dereference(String value, DereferencePolicy current) {
        return switch (Ascii.lower(value)) {
            case "never" -> DereferencePolicy.NEVER;
            case "searching" -> DereferencePolicy.SEARCHING;
            case "finding" -> DereferencePolicy.FINDING;
            case "always" -> DereferencePolicy.ALWAYS;
            default -> current;
        };
    }

    /** The USER value loses its URL %-quoting (it is often ${quote_ldap_dn:} output). */
    private static String unquoteUrl(String s) {
        StringBuilder t = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '%' && k + 2 < s.length() && hex(s.charAt(k + 1)) >= 0 && hex(s.charAt(k + 2)) >= 0) {
                t.append((char) (hex(s.charAt(k + 1)) << 4 | hex(s.charAt(k + 2))));
                k += 2;
            } else {
                t.append(c);
            }
        }
        return t.toString();
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /** C's atoi(). */
    static int atoi(String s) {
        int i = skipSpace(s, 0);
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            neg = s.charAt(i++) == '-';
        }
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && v < Integer.MAX_VALUE) {
            v = v * 10 + (s.charAt(i++) - '0');
        }
        return (int) (neg ? -v : Math.min(v, Integer.MAX_VALUE));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
