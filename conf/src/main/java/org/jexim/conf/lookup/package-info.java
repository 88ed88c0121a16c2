/**
 * Exim's lookups: {@code lsearch}, {@code wildlsearch}, {@code nwildlsearch}, {@code iplsearch},
 * {@code dsearch}, {@code cdb}, {@code dbm}/{@code dbmnz}/{@code dbmjz} (Berkeley DB hash files
 * as exim_dbmbuild writes them), {@code passwd}, {@code dnsdb}, {@code json}, and the SQL
 * lookups {@code mysql}, {@code pgsql} and {@code sqlite}, plus the generic machinery of
 * {@link org.jexim.conf.lookup.Lookups} (partial matching, {@code *} and {@code *@} defaults,
 * {@code ret=key}, {@code cache=no_rd}).
 *
 * <h2>SQL lookups over JDBC</h2>
 * The queries keep Exim's syntax ({@code ${lookup mysql{SELECT ...}}}) and its result format
 * (one column: the values, one per line; several columns: {@code name=value} pairs), but run
 * through JDBC. The database is chosen by the main option
 * <pre>
 * hide jdbc_servers = jdbc:derby:/var/lib/jexim/lookups;create=true
 * </pre>
 * (one JDBC URL, or several as a list {@code <; url1 ; url2}, tried in order while they fail
 * to connect). Without it, an Exim-style {@code mysql_servers} / {@code pgsql_servers}
 * ({@code host/database/user/password}) is turned into a {@code jdbc:mysql:} or
 * {@code jdbc:postgresql:} URL (the driver jar must then be on the class path); and without
 * either, jexim uses the embedded Derby database {@code var/db/lookups} of its installation, so
 * a fresh install can answer SQL lookups at once. For a non-MySQL database, MySQL's backslash
 * escapes in string literals (what {@code ${quote_mysql:}} writes) and backquoted identifiers
 * are rewritten to standard SQL. The {@code servers=} lookup option picks servers by URL prefix.
 * {@code sqlite} lookups name an embedded Derby database directory where Exim names an
 * SQLite file.
 */
package org.jexim.conf.lookup;
