package org.jexim.conf.lookup.ldap;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * Exim's perform_ldap_search(): one attempt of one query against one server, with Exim's
 * outcomes (OK with data, FAIL, DEFER with a message) and messages in libldap's words.
 */
final class LdapSearch {
    /** The four kinds of search. */
    enum Kind { MULTIPLE, SINGLE, DN, AUTH }

    /** OK, FAIL or DEFER, the data or the message, whether to try no further server, the last DN seen. */
    record Outcome(Status status, String data, String message, boolean deferBreak, String dn) {
        static Outcome defer(String message) {
            return new Outcome(Status.DEFER, null, message, false, null);
        }

        static Outcome deferBreak(String message) {
            return new Outcome(Status.DEFER, null, message, true, null);
        }

        Outcome withDn(String d) {
            return new Outcome(status, data, message, deferBreak, d);
        }
    }

    /** Exim's OK, FAIL and DEFER. */
    enum Status { OK, FAIL, DEFER }

    private final LdapConnections connections;
    private final LdapSettings settings;

    LdapSearch(LdapConnections connections, LdapSettings settings) {
        this.connections = connections;
        this.settings = settings;
    }

    Outcome perform(LdapRequest req, String server, int serverPort, Kind kind) {
        String url = req.url();
        if (LdapUrl.scheme(url) == null) {
            return Outcome.deferBreak("ldap_is_ldap_url: not an LDAP url \"" + url + "\"\n");
        }
        LdapUrl lud;
        try {
            lud = LdapUrl.parse(url);
        } catch (LdapUrl.BadUrl e) {
            return Outcome.deferBreak("ldap_url_parse: (error " + e.code + ") parsing \"" + url + "\"\n");
        }
        String host;
        int port;
        if (lud.host() == null && server != null) {
            host = server;
            port = serverPort;
        } else {
            host = lud.host();
            port = lud.port();
        }
        if (port == 0) {
            port = 389;
        }
        String path = null;
        String where = (host == null ? "NULL" : host) + ":" + port;
        if (host != null && (host.startsWith("/") || host.startsWith("%2F"))) {
            // a Unix socket, whatever the scheme; messages name it without a port
            path = LdapUrl.unescape(host);
            where = host;
        } else if (host != null && lud.scheme().equals("ldapi")) {
            return Outcome.defer("ldapi requires an absolute path (\"" + host + "\" given)");
        }
        LdapConnections.Cached c;
        try {
            c = connections.take(lud.scheme(), host, port, path, req.tcpLimit(), settings);
        } catch (LDAPException e) {
            if (settings.startTls() && path == null) {
                return Outcome.defer("failed to initiate TLS processing on an LDAP session to server " + where
                        + " - ldap_start_tls_s() returned -1: " + ResultCodes.message(-1));
            }
            return Outcome.defer("failed to bind the LDAP connection to server " + where + " - ldap_bind() returned -1");
        } catch (GeneralSecurityException e) {
            return Outcome.defer("failed to set up TLS for LDAP server " + where + ": " + e.getMessage());
        }
        try {
            return run(req, lud, kind, c, where);
        } finally {
            connections.release(c);
        }
    }

    private Outcome run(LdapRequest req, LdapUrl lud, Kind kind, LdapConnections.Cached c, String where) {
        if (c.needsBind(req.user(), req.password())) {
            if (settings.startTls() && !c.startTlsDone && !c.key.startsWith("ldapi:")) {
                int rc;
                try {
                    if (c.startTlsRefused) {
                        // libldap cannot retry StartTLS on a session where the server refused it
                        throw new StartTlsRetry();
                    }
                    ExtendedResult r = c.connection.processExtendedOperation(
                            new StartTLSExtendedRequest(LdapTls.context(settings)));
                    rc = ResultCodes.of(r.getResultCode());
                } catch (StartTlsRetry e) {
                    rc = ResultCodes.LOCAL_ERROR;
                } catch (LDAPException e) {
                    rc = ResultCodes.of(e.getResultCode());
                    if (rc < 0) {
                        // the server agreed but the handshake failed: libldap's "Connect error"
                        rc = ResultCodes.CONNECT_ERROR;
                        c.connection.close();
                    }
                } catch (GeneralSecurityException e) {
                    return Outcome.defer("failed to set up TLS for LDAP server " + where + ": " + e.getMessage());
                }
                if (rc != 0) {
                    c.startTlsRefused |= rc > 0;
                    return Outcome.defer("failed to initiate TLS processing on an LDAP session to server " + where
                            + " - ldap_start_tls_s() returned " + rc + ": " + ResultCodes.message(rc));
                }
                c.startTlsDone = true;
            }
            try {
                c.bound = false;
                c.connection.bind(new SimpleBindRequest(utf8(req.user()), utf8(req.password())));
            } catch (LDAPException e) {
                int rc = ResultCodes.of(e.getResultCode());
                if (kind == Kind.AUTH && rc == ResultCodes.INVALID_CREDENTIALS) {
                    return new Outcome(Status.FAIL, null, null, false, null);
                }
                if (rc == ResultCodes.TIMEOUT) {
                    return Outcome.defer("failed to bind the LDAP connection to server " + where
                            + " - LDAP error: timeout");
                }
                if (rc == ResultCodes.SERVER_DOWN || rc == ResultCodes.CONNECT_ERROR) {
                    return Outcome.defer("failed to bind the LDAP connection to server " + where
                            + " - ldap_bind() returned -1");
                }
                return Outcome.defer("failed to bind the LDAP connection to server " + where + " - LDAP error " + rc
                        + ": " + ResultCodes.message(rc));
            }
            c.bound = true;
            c.user = req.user();
            c.password = req.password();
        }
        if (kind == Kind.AUTH) {
            return new Outcome(Status.OK, null, null, false, null);
        }
        Filter filter;
        try {
            filter = filter(lud.filter() == null ? "(objectclass=*)" : utf8(lud.filter()));
        } catch (LDAPException e) {
            return Outcome.defer("ldap_search failed: -7, " + ResultCodes.message(-7));
        }
        List<String> attrs = lud.attrs() == null ? List.of() : lud.attrs();
        SearchRequest sr = new SearchRequest(utf8(lud.dn() == null ? "" : lud.dn()), scope(lud.scope()),
                req.dereference(), req.sizeLimit(), req.timeLimit(), false, filter,
                attrs.stream().map(LdapSearch::utf8).toArray(String[]::new));
        sr.setFollowReferrals(req.followReferrals());
        List<SearchResultEntry> entries;
        int rc;
        String diagnostic;
        String matched;
        try {
            var result = c.connection.search(sr);
            entries = result.getSearchEntries();
            rc = 0;
            diagnostic = result.getDiagnosticMessage();
            matched = result.getMatchedDN();
        } catch (LDAPSearchException e) {
            entries = e.getSearchEntries();
            rc = ResultCodes.of(e.getResultCode());
            diagnostic = e.getDiagnosticMessage();
            matched = e.getMatchedDN();
        }
        EntryFormat format = new EntryFormat(attrs.size());
        String dn = null;
        for (SearchResultEntry e : entries) {
            dn = EntryFormat.bytes(e.getDN());
            if (kind == Kind.DN) {
                format.dn(e);
            } else {
                format.entry(e);
            }
        }
        if (rc == ResultCodes.TIMEOUT) {
            return Outcome.defer("ldap_result timed out").withDn(dn);
        }
        if (rc < 0) {
            return Outcome.defer("ldap_result failed: " + rc + ", " + ResultCodes.message(rc)).withDn(dn);
        }
        if (rc != 0 && rc != ResultCodes.SIZELIMIT_EXCEEDED) {
            String msg = "LDAP search failed - error " + rc + ": " + ResultCodes.message(rc)
                    + (diagnostic != null && !diagnostic.isEmpty() ? "/" + EntryFormat.bytes(diagnostic) : "")
                    + (matched != null && !matched.isEmpty() ? "/" + EntryFormat.bytes(matched) : "");
            Status s = ResultCodes.nameError(rc) ? Status.FAIL : Status.DEFER;
            return new Outcome(s, null, msg, false, dn);
        }
        if (kind != Kind.MULTIPLE && entries.size() > 1) {
            return Outcome.deferBreak("LDAP search: more than one entry (" + entries.size()
                    + ") was returned (filter not specific enough?)").withDn(dn);
        }
        if (entries.isEmpty()) {
            return new Outcome(Status.FAIL, null, "LDAP search: no results", true, dn);
        }
        if (!format.attributeFound()) {
            return new Outcome(Status.FAIL, null, "LDAP search: found no attributes", false, dn);
        }
        return new Outcome(Status.OK, format.result(), null, false, dn);
    }

    /** A second StartTLS on a connection whose server refused the first. */
    private static final class StartTlsRetry extends Exception {
        StartTlsRetry() {
            super(null, null, false, false);
        }
    }

    /** libldap accepts a filter without its outer parentheses. */
    private static Filter filter(String f) throws LDAPException {
        String s = f.strip();
        return Filter.create(s.startsWith("(") ? s : "(" + s + ")");
    }

    private static SearchScope scope(LdapUrl.Scope s) {
        return switch (s) {
            case BASE -> SearchScope.BASE;
            case ONE -> SearchScope.ONE;
            case SUB -> SearchScope.SUB;
            case SUBORDINATE -> SearchScope.SUBORDINATE_SUBTREE;
        };
    }

    /** Bytes held one per char, as the UTF-8 text the SDK sends. */
    private static String utf8(String s) {
        return s == null ? null : new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
