package org.jexim.conf.lookup.ldap;

import java.util.ArrayList;
import java.util.List;
import org.jexim.conf.lists.Ascii;

/**
 * An LDAP URL as OpenLDAP's ldap_url_parse() (the "historic" flags Exim gets) splits it:
 * scheme, host (null when empty), port (389/636 when absent), base DN, attributes (null when
 * absent), scope (base by default), filter (null when absent) and extensions, each part
 * %-unescaped the way libldap does it.
 */
public record LdapUrl(String scheme, String host, int port, String dn, List<String> attrs, Scope scope, String filter,
        List<String> extensions) {

    /** The search scopes a URL names. */
    public enum Scope { BASE, ONE, SUB, SUBORDINATE }

    /** ldap_url_parse()'s error codes, which Exim prints as "(error N)". */
    static final int ERR_BADSCHEME = 3;
    static final int ERR_BADENCLOSURE = 4;
    static final int ERR_BADURL = 5;
    static final int ERR_BADSCOPE = 8;
    static final int ERR_BADFILTER = 9;
    static final int ERR_BADEXTS = 10;

    /** A URL libldap refuses, with its error number. */
    static final class BadUrl extends Exception {
        final int code;

        BadUrl(int code) {
            super("ldap_url_parse error " + code);
            this.code = code;
        }
    }

    private static final String[] SCHEMES = {"ldap", "pldap", "ldaps", "pldaps", "ldapi"};

    /** libldap's skip_url_prefix(): the scheme, or null when this is not an LDAP URL. */
    static String scheme(String url) {
        String p = url.startsWith("<") ? url.substring(1) : url;
        if (Ascii.lower(p).startsWith("url:")) {
            p = p.substring(4);
        }
        String lower = Ascii.lower(p);
        for (String s : SCHEMES) {
            if (lower.startsWith(s + "://")) {
                return s;
            }
        }
        return null;
    }

    static LdapUrl parse(String in) throws BadUrl {
        boolean enclosed = in.startsWith("<");
        String scheme = scheme(in);
        if (scheme == null) {
            throw new BadUrl(ERR_BADSCHEME);
        }
        int start = in.indexOf("://") + 3;
        String url = in.substring(start);
        if (enclosed) {
            if (!url.endsWith(">")) {
                throw new BadUrl(ERR_BADENCLOSURE);
            }
            url = url.substring(0, url.length() - 1);
        }
        boolean ipc = scheme.equals("ldapi");
        String hostport;
        String rest = null;
        String novell = null;
        int slash = url.indexOf('/');
        if (slash >= 0) {
            hostport = url.substring(0, slash);
            rest = url.substring(slash + 1);
        } else {
            int q = url.indexOf('?');
            hostport = q >= 0 ? url.substring(0, q) : url;
            novell = q >= 0 ? url.substring(q + 1) : null;
        }
        int port = 0;
        String host = hostport;
        if (!ipc) {
            int colon;
            if (hostport.startsWith("[")) {
                int close = hostport.indexOf(']');
                if (close < 0) {
                    throw new BadUrl(ERR_BADURL);
                }
                colon = hostport.indexOf(':', close + 1);
                if (colon >= 0 && colon != close + 1) {
                    throw new BadUrl(ERR_BADURL);
                }
                host = hostport.substring(1, close);
            } else {
                colon = hostport.indexOf(':');
                if (colon >= 0) {
                    host = hostport.substring(0, colon);
                }
            }
            if (colon >= 0) {
                String p = unescape(hostport.substring(colon + 1));
                if (p.isEmpty()) {
                    throw new BadUrl(ERR_BADURL);
                }
                port = strtol(p);
                novell = null;
            }
            if (port == 0) {
                port = scheme.equals("ldaps") ? 636 : 389;
            }
        }
        host = unescape(host);
        if (host.isEmpty()) {
            host = null;
        }
        String dn = null;
        if (rest == null) {
            if (novell != null && novell.startsWith("?")) {
                dn = unescape(novell.substring(1));
            }
            return new LdapUrl(scheme, host, port, dn, null, Scope.BASE, null, List.of());
        }
        String[] parts = rest.split("\\?", -1);
        dn = unescape(parts[0]);
        List<String> attrs = null;
        if (parts.length > 1 && !parts[1].isEmpty()) {
            attrs = tokens(unescape(parts[1]));
        }
        Scope scope = Scope.BASE;
        if (parts.length > 2 && !parts[2].isEmpty()) {
            scope = scope(unescape(parts[2]));
        }
        String filter = null;
        if (parts.length > 3 && !parts[3].isEmpty()) {
            filter = unescape(parts[3]);
            if (filter.isEmpty()) {
                throw new BadUrl(ERR_BADFILTER);
            }
        }
        List<String> exts = List.of();
        if (parts.length > 5) {
            throw new BadUrl(ERR_BADURL);
        }
        if (parts.length > 4) {
            exts = new ArrayList<>();
            for (String e : tokens(parts[4])) {
                exts.add(unescape(e));
            }
            if (exts.isEmpty()) {
                throw new BadUrl(ERR_BADEXTS);
            }
        }
        return new LdapUrl(scheme, host, port, dn, attrs, scope, filter, exts);
    }

    private static Scope scope(String s) throws BadUrl {
        return switch (Ascii.lower(s)) {
            case "one", "onelevel" -> Scope.ONE;
            case "base" -> Scope.BASE;
            case "sub", "subtree" -> Scope.SUB;
            case "subord", "subordinate", "children" -> Scope.SUBORDINATE;
            default -> throw new BadUrl(ERR_BADSCOPE);
        };
    }

    /** C's strtol(s, &next, 10) that must consume the whole string. */
    private static int strtol(String s) throws BadUrl {
        int i = 0;
        while (i < s.length() && " \t\n\r\f\u000b".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        int j = i;
        if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
            j++;
        }
        int digits = j;
        while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
            j++;
        }
        if (j == digits || j != s.length()) {
            throw new BadUrl(ERR_BADURL);
        }
        try {
            return (int) Long.parseLong(s.substring(i, j).replace("+", ""));
        } catch (NumberFormatException e) {
            throw new BadUrl(ERR_BADURL);
        }
    }

    /** ldap_str2charray(s, ","): the non-empty comma-separated tokens. */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        for (String t : s.split(",")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * ldap_pvt_hex_unescape(): %XX decoded; a % not followed by two hex digits empties the
     * whole string, as libldap does.
     */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                b.append(c);
                continue;
            }
            if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
                return "";
            }
            b.append((char) (hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2))));
            i += 2;
        }
        return b.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }
}
