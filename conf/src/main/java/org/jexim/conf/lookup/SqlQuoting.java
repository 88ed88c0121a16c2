package org.jexim.conf.lookup;

/** The quote functions of Exim's SQL lookups: mysql (backslashes), pgsql (doubled quote), sqlite (doubled quote). */
public final class SqlQuoting {
    private SqlQuoting() {
    }

    /** ${quote_mysql:}. */
    public static String mysql(String s) {
        StringBuilder t = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\n\t\r\b'\"\\".indexOf(c) >= 0) {
                t.append('\\').append(switch (c) {
                    case '\n' -> 'n';
                    case '\t' -> 't';
                    case '\r' -> 'r';
                    case '\b' -> 'b';
                    default -> c;
                });
            } else {
                t.append(c);
            }
        }
        return t.toString();
    }

    /** ${quote_pgsql:}. */
    public static String pgsql(String s) {
        StringBuilder t = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\'') {
                t.append("''");
            } else if ("\n\t\r\b\"\\".indexOf(c) >= 0) {
                t.append('\\').append(switch (c) {
                    case '\n' -> 'n';
                    case '\t' -> 't';
                    case '\r' -> 'r';
                    case '\b' -> 'b';
                    default -> c;
                });
            } else {
                t.append(c);
            }
        }
        return t.toString();
    }

    /** ${quote_sqlite:}. */
    public static String sqlite(String s) {
        return s.replace("'", "''");
    }
}
