package org.jexim.conf.lookup.ldap;

import java.util.List;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.lookup.LookupEnv;
import org.jexim.conf.lookup.LookupException;
import org.jexim.conf.lookup.LookupType;

/**
 * The ldap, ldapdn and ldapm lookups and the ldapauth condition (Exim's control_ldap_search()):
 * the query's settings, then one search, or one per server of SERVERS= or ldap_default_servers
 * when the URL names none, until one gives OK or FAIL. $ldap_dn gets the last DN seen.
 */
public final class LdapLookup implements LookupType {
    private final String name;
    private final LdapSearch.Kind kind;

    private LdapLookup(String name, LdapSearch.Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    /** ldap (one entry), ldapdn (its DN), ldapm (several entries). */
    public static List<LookupType> types() {
        return List.of(new LdapLookup("ldap", LdapSearch.Kind.SINGLE), new LdapLookup("ldapdn", LdapSearch.Kind.DN),
                new LdapLookup("ldapm", LdapSearch.Kind.MULTIPLE));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Style style() {
        return Style.QUERY;
    }

    @Override
    public String find(String file, String query, String opts, LookupEnv env) throws LookupException {
        LdapSearch.Outcome o = control(query, kind, env);
        if (o.status() == LdapSearch.Status.DEFER) {
            throw LookupException.defer(o.message());
        }
        return o.status() == LdapSearch.Status.OK ? o.data() : null;
    }

    @Override
    public String quote(String s, String option) {
        return LdapQuoting.quote(s, option);
    }

    /**
     * The ldapauth condition: true when the bind with USER= and PASS= succeeds, false for bad
     * credentials or an empty password; a DEFER is an expansion failure with its message.
     */
    public static boolean authenticate(String query, LookupEnv env) throws LookupException {
        LdapSearch.Outcome o = control(query, LdapSearch.Kind.AUTH, env);
        if (o.status() == LdapSearch.Status.DEFER) {
            throw LookupException.defer(o.message());
        }
        return o.status() == LdapSearch.Status.OK;
    }

    /** Exim's eldap_tidy(): closes the cached connections (a process or test ending). */
    public static void closeConnections() {
        LdapConnections.SHARED.closeAll();
    }

    private static LdapSearch.Outcome control(String query, LdapSearch.Kind kind, LookupEnv env)
            throws LookupException {
        LdapRequest req = LdapRequest.parse(query);
        if (kind == LdapSearch.Kind.AUTH) {
            if (req.user() == null || req.password() == null) {
                throw LookupException.defer("ldapauth lookups must specify the username and password");
            }
            if (req.password().isEmpty()) {
                return new LdapSearch.Outcome(LdapSearch.Status.FAIL, null, null, false, null);
            }
        }
        req.checkScheme();
        LdapSettings settings = LdapSettings.of(env);
        LdapSearch search = new LdapSearch(LdapConnections.SHARED, settings);
        String servers = req.servers() != null ? req.servers() : settings.defaultServers();
        LdapSearch.Outcome o;
        if (servers == null || !req.hostless()) {
            o = search.perform(req, null, 0, kind);
            setDn(o, env);
            return o;
        }
        o = LdapSearch.Outcome.defer("");
        for (String server : ExiList.items(servers)) {
            int port = 0;
            int colon = server.indexOf(':');
            String host = server;
            if (colon >= 0) {
                host = server.substring(0, colon);
                port = LdapRequest.atoi(server.substring(colon + 1));
            }
            o = search.perform(req, host, port, kind);
            setDn(o, env);
            if (o.status() != LdapSearch.Status.DEFER || o.deferBreak()) {
                return o;
            }
        }
        return o;
    }

    private static void setDn(LdapSearch.Outcome o, LookupEnv env) {
        if (o.dn() != null) {
            env.setVariable("ldap_dn", o.dn());
        }
    }
}
