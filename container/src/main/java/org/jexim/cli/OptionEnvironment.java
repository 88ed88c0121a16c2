package org.jexim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.OptionSetting;
import org.jexim.conf.options.EximLists;

/**
 * The environment Exim keeps after start-up (environment.c cleanup_environment): nothing unless
 * keep_environment lists it, plus add_environment; -bP environment prints it sorted.
 */
final class OptionEnvironment {
    private OptionEnvironment() {
    }

    static List<String> of(Configuration config, OptionScope main) {
        return of(System.getenv(), main.setting("keep_environment").map(OptionSetting::value).map(Object::toString)
                .orElse(null), main.setting("add_environment").map(OptionSetting::value).map(Object::toString)
                .orElse(null));
    }

    static List<String> of(Map<String, String> env, String keep, String add) {
        Map<String, String> kept = new TreeMap<>();
        if (keep != null && !keep.isEmpty()) {
            List<String> patterns = EximLists.split(keep);
            env.forEach((k, v) -> {
                if (keep.equals("*") || matches(k, patterns)) {
                    kept.put(k, v);
                }
            });
        }
        kept.remove("SSLKEYLOGFILE");
        if (add != null) {
            for (String item : EximLists.split(add)) {
                int eq = item.indexOf('=');
                if (eq > 0) {
                    kept.put(item.substring(0, eq), item.substring(eq + 1));
                }
            }
        }
        // Exim sorts the "NAME=value" strings themselves
        List<String> out = new ArrayList<>();
        kept.forEach((k, v) -> out.add(k + "=" + v));
        out.sort(String::compareTo);
        return out;
    }

    /** Exim string list matching without expansion: ! negates, ^ is a regex, * a suffix wildcard. */
    private static boolean matches(String name, List<String> patterns) {
        for (String p : patterns) {
            boolean negated = false;
            while (p.startsWith("!")) {
                negated = !negated;
                p = p.substring(1).strip();
            }
            boolean hit;
            if (p.startsWith("^")) {
                hit = Pattern.compile(p).matcher(name).find();
            } else if (p.startsWith("*")) {
                hit = name.endsWith(p.substring(1));
            } else {
                hit = name.equals(p);
            }
            if (hit) {
                return !negated;
            }
        }
        return false;
    }
}
