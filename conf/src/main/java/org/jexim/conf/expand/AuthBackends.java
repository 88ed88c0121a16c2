package org.jexim.conf.expand;

import java.util.List;

/**
 * The password checkers behind the pam, ldapauth and saslauthd conditions. The default talks
 * to saslauthd on its socket, binds to the LDAP server for ldapauth, and refuses pam the way
 * an unconfigured Exim does.
 */
public interface AuthBackends {
    /** {@code ${if pam{user:password...}}}: colon-separated, :: for a colon in data. */
    default boolean pam(String data) throws ExpansionException {
        return false;
    }

    /** {@code ${if ldapauth{ldap-query}}}: a simple bind with the query's USER= and PASS=. */
    default boolean ldapauth(String query, org.jexim.conf.lookup.LookupEnv env) throws ExpansionException {
        try {
            return org.jexim.conf.lookup.ldap.LdapLookup.authenticate(query, env);
        } catch (org.jexim.conf.lookup.LookupException e) {
            throw new ExpansionException(e.getMessage());
        }
    }

    /** {@code ${if radius{user:password}}}: Debian's Exim has no RADIUS support; a backend may supply it. */
    default boolean radius(String data) throws ExpansionException {
        throw new ExpansionException("support for \"radius\" not compiled");
    }

    /** {@code ${if pwcheck{user:password}}}: not in Debian's Exim either. */
    default boolean pwcheck(String data) throws ExpansionException {
        throw new ExpansionException("support for \"pwcheck\" not compiled");
    }

    /** {@code ${if saslauthd{{user}{password}{service}{realm}}}}. */
    default boolean saslauthd(List<String> args) throws ExpansionException {
        return Saslauthd.check(args);
    }

    AuthBackends DEFAULT = new AuthBackends() {
    };
}
