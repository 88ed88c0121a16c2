package org.jexim.conf.lookup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jexim.conf.lists.ExiList;

/**
 * Runs the queries of the mysql, pgsql and sqlite lookups over JDBC. The servers come from the
 * main option {@code jdbc_servers} (one JDBC URL, or a list written {@code <; url1 ; url2}),
 * else from {@code mysql_servers}/{@code pgsql_servers} in Exim's host/db/user/password form,
 * else an embedded Derby database under {@code var/db/lookups} (what a fresh jexim has). The
 * sqlite lookup's file names an embedded Derby database directory. Results are formatted as
 * Exim formats them: one column gives the values one per line, several give name=value pairs.
 */
final class JdbcQueries {
    private static final Map<String, Connection> CONNECTIONS = new ConcurrentHashMap<>();

    private JdbcQueries() {
    }

    /** The embedded Derby database a fresh installation uses. */
    static String defaultUrl() {
        String home = System.getProperty("jexim.home", ".");
        Path db = Path.of(home, "var", "db").toAbsolutePath().normalize();
        if (System.getProperty("derby.stream.error.file") == null) {
            // keep Derby's log with its database rather than in the working directory
            System.setProperty("derby.stream.error.file", db.resolve("derby.log").toString());
        }
        return "jdbc:derby:" + db.resolve("lookups") + ";create=true";
    }

    static List<String> servers(String type, String file, String opts, LookupEnv env) {
        List<String> out = new ArrayList<>();
        if (type.equals("sqlite")) {
            if (file == null) {
                return out;
            }
            out.add(file.startsWith("jdbc:") ? file : "jdbc:derby:" + file + ";create=true");
            return out;
        }
        String configured = env.option("jdbc_servers").orElse(null);
        if (configured != null) {
            if (configured.startsWith("<")) {
                out.addAll(ExiList.items(configured));
            } else {
                out.add(configured.strip());
            }
        } else {
            env.option(type + "_servers").ifPresent(v -> {
                for (String s : ExiList.items(v)) {
                    out.add(fromExim(type, s));
                }
            });
        }
        if (out.isEmpty()) {
            out.add(defaultUrl());
        }
        if (opts != null) {
            for (String o : ExiList.items(opts, ',')) {
                if (o.startsWith("servers=")) {
                    List<String> chosen = new ArrayList<>();
                    for (String s : ExiList.items(o.substring(8))) {
                        String match = s;
                        for (String known : out) {
                            if (known.startsWith(s)) {
                                match = known;
                                break;
                            }
                        }
                        chosen.add(match.startsWith("jdbc:") ? match : fromExim(type, match));
                    }
                    return chosen;
                }
            }
        }
        return out;
    }

    /** host[:port]/db/user/password as Exim writes mysql_servers, as a JDBC URL. */
    static String fromExim(String type, String server) {
        String[] p = server.split("/", 4);
        String host = p[0];
        String db = p.length > 1 ? p[1] : "";
        String user = p.length > 2 ? p[2] : "";
        String password = p.length > 3 ? p[3] : "";
        String scheme = type.equals("pgsql") ? "postgresql" : "mysql";
        return "jdbc:" + scheme + "://" + host + "/" + db + "?user=" + user + "&password=" + password;
    }

    static String run(String type, String file, String query, String opts, LookupEnv env) throws LookupException {
        List<String> servers = servers(type, file, opts, env);
        if (servers.isEmpty()) {
            throw LookupException.defer("absolute file name expected for \"" + type + "\" lookup");
        }
        String error = null;
        for (String url : servers) {
            try {
                return execute(url, type, query);
            } catch (SQLException e) {
                error = type.toUpperCase() + ": query failed: " + e.getMessage();
                CONNECTIONS.remove(url);
                if (e.getSQLState() != null && !e.getSQLState().startsWith("08")) {
                    // a bad query will not get better on another server
                    break;
                }
            }
        }
        throw LookupException.defer(error == null ? "" : error);
    }

    private static String execute(String url, String type, String query) throws SQLException {
        String sql = type.equals("mysql") && !url.startsWith("jdbc:mysql") ? MysqlDialect.toStandard(query) : query;
        Connection c = CONNECTIONS.get(url);
        if (c == null || c.isClosed()) {
            c = DriverManager.getConnection(url);
            CONNECTIONS.put(url, c);
        }
        synchronized (c) {
            try (Statement st = c.createStatement()) {
                boolean rows = st.execute(sql);
                if (!rows) {
                    return Long.toString(Math.max(0, st.getUpdateCount()));
                }
                try (ResultSet rs = st.getResultSet()) {
                    return format(rs);
                }
            }
        }
    }

    private static String format(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        StringBuilder result = null;
        while (rs.next()) {
            if (result == null) {
                result = new StringBuilder();
            } else {
                result.append('\n');
            }
            if (n != 1) {
                for (int i = 1; i <= n; i++) {
                    quote(result, md.getColumnLabel(i).toLowerCase(), rs.getString(i));
                }
            } else {
                String v = rs.getString(1);
                if (v != null) {
                    result.append(v);
                }
            }
        }
        return result == null ? null : result.toString();
    }

    /** Exim's lf_quote(): name=value, the value quoted when empty, spaced, or starting with a quote. */
    static void quote(StringBuilder b, String name, String value) {
        b.append(name).append('=');
        String v = value == null ? "" : value;
        if (v.isEmpty() || v.matches("(?s).*[ \t\n\r].*") || v.startsWith("\"")) {
            b.append('"');
            for (char c : v.toCharArray()) {
                if (c == '"' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
            b.append('"');
        } else {
            b.append(v);
        }
        b.append(' ');
    }
}
