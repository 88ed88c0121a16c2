package org.jexim.conf.lookup;

import org.jexim.conf.lists.Ascii;

/** What jexim says for LDAP queries, which it does not run: Exim's messages for malformed ones first. */
public final class LdapQuery {
    private LdapQuery() {
    }

    /** The failure message for an LDAP query (ldapauth when {@code auth}). */
    public static String refusal(String query, boolean auth) {
        String s = query.stripLeading();
        boolean user = false;
        boolean pass = false;
        while (!s.isEmpty() && !Ascii.lower(s).startsWith("ldap")) {
            int eq = s.indexOf('=');
            int sp = s.indexOf(' ');
            if (eq < 0 || (sp >= 0 && sp < eq)) {
                return "malformed parameter setting precedes LDAP URL";
            }
            String name = Ascii.lower(s.substring(0, eq));
            user |= name.equals("user");
            pass |= name.equals("pass");
            int end = s.indexOf(' ', eq);
            s = end < 0 ? "" : s.substring(end).stripLeading();
        }
        if (s.isEmpty()) {
            return "malformed parameter setting precedes LDAP URL";
        }
        if (auth && (!user || !pass)) {
            return "ldapauth lookups must specify the username and password";
        }
        return "LDAP lookups are not supported by jexim";
    }
}
