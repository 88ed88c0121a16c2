package org.jexim.conf.lookup;

/**
 * mysql, pgsql and sqlite lookups with Exim's syntax, served over JDBC (see jdbc_servers).
 * Registered here with their quoting; the queries themselves run through {@link JdbcQueries}.
 */
final class SqlLookup implements LookupType {
    private final String name;

    private SqlLookup(String name) {
        this.name = name;
    }

    static void addTo(Lookups lookups) {
        lookups.add(new SqlLookup("mysql"));
        lookups.add(new SqlLookup("pgsql"));
        lookups.add(new SqlLookup("sqlite"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Style style() {
        return name.equals("sqlite") ? Style.ABSFILE_QUERY : Style.QUERY;
    }

    @Override
    public String find(String file, String query, String opts, LookupEnv env) throws LookupException {
        return JdbcQueries.run(name, file, query, opts, env);
    }

    @Override
    public boolean cacheable() {
        return false;
    }

    @Override
    public String quote(String s, String option) {
        if (option != null) {
            return null;
        }
        return switch (name) {
            case "mysql" -> SqlQuoting.mysql(s);
            case "pgsql" -> SqlQuoting.pgsql(s);
            default -> SqlQuoting.sqlite(s);
        };
    }
}
