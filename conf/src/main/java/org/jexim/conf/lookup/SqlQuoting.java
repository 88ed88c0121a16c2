package org.jexim.conf.lookup;

/** The quote functions of Exim's SQL lookups: mysql (backslashes), pgsql (doubled quote), sqlite (doubled quote). */
public final class SqlQuoting {
    private SqlQuoting() {
    }

    /** ${quote_mysql:}. */
    public static String mysql(String s) {
        return backslashed(s, "\n\t\r\b'\"\\", null);
    }

    /** ${quote_pgsql:}: as mysql, but a single quote is doubled. */
    public static String pgsql(String s) {
        return backslashed(s, "\n\t\r\b\"\\", "''");
    }

    /** Backslash-escapes the characters in {@code special} as C does; a quote becomes {@code quote} if given. */
    private static String backslashed(String s, String special, String quote) {
        StringBuilder t = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\'' && quote != null) {
                t.append(quote);
            } else if (special.indexOf(c) >= 0) {
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
