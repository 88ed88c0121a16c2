package org.jexim.conf.expand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variable names Exim 4.96 knows (its var_table, as built by Debian), with the value each
 * has under {@code exim -be} when nothing sets it. Names outside this table are refused at
 * parse time, as Exim refuses them even in a branch it skips.
 */
public final class Variables {
    private static final Map<String, String> DEFAULTS = load();

    /** Exim's filter_running: $n0..$n9 and $sn0..$sn9 exist only while a filter runs. */
    private static final ThreadLocal<Boolean> FILTER_RUNNING = ThreadLocal.withInitial(() -> false);

    private Variables() {
    }

    /** Runs {@code work} with the filter variables known, as Exim does while it interprets a filter. */
    public static <T, E extends Exception> T whileFiltering(FilterWork<T, E> work) throws E {
        boolean before = FILTER_RUNNING.get();
        FILTER_RUNNING.set(true);
        try {
            return work.run();
        } finally {
            FILTER_RUNNING.set(before);
        }
    }

    /** Work done while a filter runs. */
    @FunctionalInterface
    public interface FilterWork<T, E extends Exception> {
        T run() throws E;
    }

    private static Map<String, String> load() {
        Map<String, String> m = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Variables.class.getResourceAsStream("variables.txt"), StandardCharsets.ISO_8859_1))) {
            String line;
            while ((line = r.readLine()) != null) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    m.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Whether {@code name} is a variable Exim knows (table names, acl_c/acl_m, r_, authN, regexN). */
    public static boolean known(String name) {
        if (isAclVariable(name) || name.startsWith("r_")) {
            return true;
        }
        if (FILTER_RUNNING.get() && name.matches("s?n[0-9]")) {
            return true;
        }
        if (numbered(name, "auth", 3) || numbered(name, "regex", 9)) {
            return true;
        }
        return DEFAULTS.containsKey(name);
    }

    /** acl_cX... / acl_mX... where X is not a letter. */
    public static boolean isAclVariable(String name) {
        return (name.startsWith("acl_c") || name.startsWith("acl_m"))
                && (name.length() == 5 || !ExpansionParser.isAlpha(name.charAt(5)));
    }

    private static boolean numbered(String name, String prefix, int max) {
        if (!name.startsWith(prefix) || name.length() == prefix.length()) {
            return false;
        }
        try {
            int n = Integer.parseInt(name.substring(prefix.length()));
            return n > 0 && n <= max && !name.substring(prefix.length()).startsWith("+");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The value under -be when nothing sets it (empty for most). */
    public static String beDefault(String name) {
        return DEFAULTS.getOrDefault(name, "");
    }

    /** All table names, in Exim's order. */
    public static Iterable<String> names() {
        return DEFAULTS.keySet();
    }

    /** Exim's check_variable_error_message(): the hint added for acl_ names. */
    public static String hint(String name) {
        if (!name.startsWith("acl_")) {
            return "";
        }
        char c4 = name.length() > 4 ? name.charAt(4) : 0;
        if (c4 == 'c' || c4 == 'm') {
            char c5 = name.length() > 5 ? name.charAt(5) : 0;
            return ExpansionParser.isAlpha(c5)
                    ? " (6th character of a user-defined ACL variable must be a digit or underscore)"
                    : " (strict_acl_vars is set)";
        }
        return " (user-defined ACL variables must start acl_c or acl_m)";
    }
}
