package org.jexim.conf.lookup.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Exim's cache of LDAP connections: one per server, kept open and bound as it last was, so that
 * a lookup reuses it and binds again only when the user or password differ. Each lookup takes
 * a connection for itself, so that threads never share one.
 */
final class LdapConnections {
    /** A cached connection and what Exim remembers of it. */
    static final class Cached {
        final String key;
        final LDAPConnection connection;
        boolean bound;
        String user;
        String password;
        boolean startTlsDone;
        boolean startTlsRefused;

        Cached(String key, LDAPConnection connection) {
            this.key = key;
            this.connection = connection;
        }

        /** Whether a bind is needed for these credentials (Exim's test, nulls included). */
        boolean needsBind(String u, String p) {
            return !bound || !java.util.Objects.equals(user, u) || !java.util.Objects.equals(password, p);
        }
    }

    static final LdapConnections SHARED = new LdapConnections();

    private final Map<String, Deque<Cached>> idle = new HashMap<>();

    /**
     * A connected connection to {@code host:port} (host null: the local host; {@code path} not
     * null: that Unix socket instead), new or cached.
     */
    Cached take(String scheme, String host, int port, String path, int tcpLimit, LdapSettings settings)
            throws LDAPException, GeneralSecurityException {
        String key = path != null ? "ldapi://" + path
                : scheme + "://" + (host == null ? "" : host.toLowerCase(java.util.Locale.ROOT)) + ":" + port;
        synchronized (idle) {
            Deque<Cached> q = idle.get(key);
            while (q != null && !q.isEmpty()) {
                Cached c = q.pop();
                if (c.connection.isConnected()) {
                    return c;
                }
            }
        }
        LDAPConnectionOptions o = new LDAPConnectionOptions();
        o.setConnectTimeoutMillis(tcpLimit > 0 ? tcpLimit * 1000 : 0);
        o.setResponseTimeoutMillis(tcpLimit > 0 ? tcpLimit * 1000L : 0);
        o.setBindWithDNRequiresPassword(false);
        o.setUseSynchronousMode(true);
        o.setAbandonOnTimeout(true);
        LDAPConnection conn;
        if (path != null) {
            conn = new LDAPConnection(new UnixSocketFactory(path), o);
            conn.connect("127.0.0.1", 389);
            return new Cached(key, conn);
        }
        if (scheme.equals("ldaps")) {
            o.setSSLSocketVerifier(LdapTls.verifier(settings));
            conn = new LDAPConnection(LdapTls.context(settings).getSocketFactory(), o);
        } else {
            conn = new LDAPConnection(o);
        }
        conn.connect(host == null ? "localhost" : host, port);
        return new Cached(key, conn);
    }

    /** Puts a connection back for the next lookup to the same server. */
    void release(Cached c) {
        if (!c.connection.isConnected()) {
            return;
        }
        synchronized (idle) {
            idle.computeIfAbsent(c.key, k -> new ArrayDeque<>()).push(c);
        }
    }

    /** Exim's eldap_tidy(): unbinds and closes every cached connection. */
    void closeAll() {
        synchronized (idle) {
            idle.values().forEach(q -> q.forEach(c -> c.connection.close()));
            idle.clear();
        }
    }
}
