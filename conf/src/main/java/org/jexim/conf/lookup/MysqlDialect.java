package org.jexim.conf.lookup;

/**
 * Rewrites MySQL-only syntax of lookup queries for standard SQL databases (Derby): backslash
 * escapes in string literals (what ${quote_mysql:} produces) and `backquoted` identifiers.
 */
final class MysqlDialect {
    private MysqlDialect() {
    }

    static String toStandard(String q) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '\'') {
                b.append('\'');
                i++;
                while (i < q.length()) {
                    char d = q.charAt(i);
                    if (d == '\\' && i + 1 < q.length()) {
                        char e = q.charAt(i + 1);
                        switch (e) {
                            case 'n' -> b.append('\n');
                            case 't' -> b.append('\t');
                            case 'r' -> b.append('\r');
                            case 'b' -> b.append('\b');
                            case '0' -> b.append('\0');
                            case '\'' -> b.append("''");
                            default -> b.append(e);
                        }
                        i += 2;
                    } else if (d == '\'') {
                        if (i + 1 < q.length() && q.charAt(i + 1) == '\'') {
                            b.append("''");
                            i += 2;
                        } else {
                            b.append('\'');
                            i++;
                            break;
                        }
                    } else {
                        b.append(d);
                        i++;
                    }
                }
            } else if (c == '`') {
                b.append('"');
                i++;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }
}
