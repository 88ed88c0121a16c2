package org.jexim.conf.lookup.ldap;

/** Exim's eldap_quote(): ${quote_ldap:} and ${quote_ldap_dn:}. */
final class LdapQuoting {
    private static final String URL_NONQUOTE = "!$'-._()*+";
    private static final String LDAP_QUOTE = "*()\\";
    private static final String LDAP_DN_QUOTE = ",+\"\\<>;";

    private LdapQuoting() {
    }

    private static boolean alnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    static String quote(String s, String opt) {
        boolean dn = false;
        if (opt != null) {
            if (!opt.equals("dn")) {
                return null;
            }
            dn = true;
        }
        StringBuilder t = new StringBuilder();
        if (!dn) {
            for (char c : s.toCharArray()) {
                if (!alnum(c)) {
                    if (LDAP_QUOTE.indexOf(c) >= 0) {
                        t.append(String.format("%%5C%02X", (int) c));
                        continue;
                    }
                    if (URL_NONQUOTE.indexOf(c) < 0) {
                        t.append(String.format("%%%02X", (int) c));
                        continue;
                    }
                }
                t.append(c);
            }
            return t.toString();
        }
        int ss = s.length();
        while (ss > 0 && s.charAt(ss - 1) == ' ') {
            ss--;
        }
        int i = 0;
        for (; i < ss; i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '#') {
                break;
            }
            t.append(String.format("%%5C%%%02X", (int) c));
        }
        for (; i < ss; i++) {
            char c = s.charAt(i);
            if (!alnum(c)) {
                if (LDAP_DN_QUOTE.indexOf(c) >= 0) {
                    t.append("%5C");
                }
                if (URL_NONQUOTE.indexOf(c) < 0) {
                    t.append(String.format("%%%02X", (int) c));
                    continue;
                }
            }
            t.append(c);
        }
        for (int k = ss; k < s.length(); k++) {
            t.append("%5C%20");
        }
        return t.toString();
    }
}
