package org.jexim.conf.lookup;

/**
 * Rewrites MySQL-only syntax of lookup queries for standard SQL databases (Derby): backslash
 * escapes in string literals (what ${quote_mysql:} produces), `backquoted` identifiers, and a
 * trailing LIMIT.
 */
final class MysqlDialect {
    private MysqlDialect() {
    }

    private static final java.util.regex.Pattern LIMIT =
            java.util.regex.Pattern.compile("(?i)\\s+limit\\s+(\\d+)\\s*;?\\s*$");

    static String toStandard(String q) {
        String r = literals(q);
        // MySQL's trailing LIMIT n is FETCH FIRST n ROWS ONLY in standard SQL
        java.util.regex.Matcher m = LIMIT.matcher(r);
        if (m.find()) {
            r = r.substring(0, m.start()) + " FETCH FIRST " + m.group(1) + " ROWS ONLY";
        }
        return r;
    }

    private static String literals(String q) {
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
