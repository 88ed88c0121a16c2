package org.jexim.conf.reader;

import java.util.ArrayList;
import java.util.List;
import org.jexim.conf.options.OptionDef;

/**
 * Checks the text of an option value as Exim's readconf_handle_option() does, type by type,
 * with Exim's wording for each complaint, and gives the value Exim would store.
 */
final class OptionValueReader {
    private final SystemAccounts accounts;

    OptionValueReader(SystemAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * The value of {@code def} written as {@code s} (the text after "=" and its white space, or
     * "" for a bare boolean); {@code name} is the name as written (with any "no_").
     */
    Object read(OptionDef def, String name, String s, boolean negated) throws ValueError {
        switch (def.type()) {
            case STRING, FUNC:
                return string(s, name);
            case UID, EXPAND_UID:
                return user(def, s, name);
            case GID, EXPAND_GID:
                return group(def, s, name);
            case UIDLIST, GIDLIST:
                return idList(def, s, name);
            case REWRITE:
                return string(s, name);
            case BOOL:
                return bool(def, s, name, negated);
            case INT, MKINT:
                return integer(s, name, 0, "");
            case OCTINT:
                return integer(s, name, 8, "octal ");
            case KINT:
                return kInteger(s, name);
            case FIXED:
                return fixed(s, name);
            case TIME:
                long t = TimeValues.seconds(s);
                if (t < 0) {
                    throw new ValueError("invalid time value for " + name);
                }
                return t;
            case TIMELIST:
                return timeList(s, name);
            default:
                return s;
        }
    }

    /** Exim's read_string(): the rest of the line, or a quoted string with escapes. */
    static String string(String s, String name) throws ValueError {
        if (!s.startsWith("\"")) {
            return s;
        }
        Quoted q = Quoted.read(s, 0);
        if (q.end() == 1 || s.charAt(q.end() - 1) != '"') {
            throw new ValueError("missing quote at end of string value for " + name);
        }
        if (q.end() < s.length()) {
            throw extra(s.substring(q.end()), "string value for " + name);
        }
        return q.value();
    }

    static ValueError extra(String rest, String what) {
        return new ValueError("extra characters follow " + what
                + (rest.startsWith("#") ? " (# is comment only at line start)" : ""));
    }

    private Object user(OptionDef def, String s, String name) throws ValueError {
        String v = string(s, name);
        if (def.type() == org.jexim.conf.options.OptionType.EXPAND_UID && v.contains("$")) {
            return v;
        }
        if (!accounts.userExists(v)) {
            throw new ValueError("user " + v + " was not found");
        }
        return v;
    }

    private Object group(OptionDef def, String s, String name) throws ValueError {
        String v = string(s, name);
        if (def.type() == org.jexim.conf.options.OptionType.EXPAND_GID && v.contains("$")) {
            return v;
        }
        if (!accounts.groupExists(v)) {
            throw new ValueError("group " + v + " was not found");
        }
        return v;
    }

    private Object idList(OptionDef def, String s, String name) throws ValueError {
        String v = string(s, name);
        if (v.contains("$")) {
            return v;
        }
        boolean users = def.type() == org.jexim.conf.options.OptionType.UIDLIST;
        for (String item : v.split(":")) {
            String id = item.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (users ? !accounts.userExists(id) : !accounts.groupExists(id)) {
                throw new ValueError((users ? "user " : "group ") + id + " was not found");
            }
        }
        return v;
    }

    private static Object bool(OptionDef def, String s, String name, boolean negated) throws ValueError {
        if (s.isEmpty()) {
            return !negated;
        }
        if (def.expanded() && s.contains("$")) {
            return string(s, name);
        }
        Names word;
        try {
            word = Names.read(s, 0);
        } catch (Names.NameTooLong e) {
            throw new ValueError(e.getMessage());
        }
        boolean value;
        if (word.name().equalsIgnoreCase("true") || word.name().equalsIgnoreCase("yes")) {
            value = true;
        } else if (word.name().equalsIgnoreCase("false") || word.name().equalsIgnoreCase("no")) {
            value = false;
        } else {
            throw new ValueError("\"" + word.name() + "\" is not a valid value for the \"" + name + "\" option");
        }
        if (word.end() < s.length()) {
            throw extra(s.substring(word.end()), "\"" + word.name() + "\" for boolean option " + name);
        }
        return value;
    }

    /** strtol() with Exim's K/M/G/T multipliers, for int, mkint and octint options. */
    private static Object integer(String s, String name, int base, String kind) throws ValueError {
        Strtol n = Strtol.parse(s, base);
        if (n.end() == 0) {
            throw new ValueError(kind + "integer expected for " + name);
        }
        long v = n.value();
        int end = n.end();
        boolean overflow = n.overflow();
        if (!overflow && end < s.length()) {
            int m = "TtGgMmKk".indexOf(s.charAt(end));
            if (m >= 0) {
                end++;
                for (int k = m / 2; k < 4 && !overflow; k++) {
                    if (v > Integer.MAX_VALUE / 1024 || v < Integer.MIN_VALUE / 1024) {
                        overflow = true;
                    }
                    v *= 1024;
                }
            }
        }
        if (overflow || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new ValueError("absolute value of integer \"" + s + "\" is too large (overflow)");
        }
        end = Ascii.skipSpace(s, end);
        if (end < s.length()) {
            throw extra(s.substring(end), kind + "integer value for " + name);
        }
        return v;
    }

    /** An integer held in K: a bare number is already in K, a suffix scales it. */
    private static Object kInteger(String s, String name) throws ValueError {
        Strtol n = Strtol.parse(s, 0);
        if (n.end() == 0) {
            throw new ValueError("integer expected for " + name);
        }
        long v = n.value();
        int end = n.end();
        boolean overflow = n.overflow();
        if (!overflow && end < s.length()) {
            int m = "ZzEePpTtGgMmKk".indexOf(s.charAt(end));
            if (m >= 0) {
                end++;
                for (int k = m / 2 + 1; k < 7 && !overflow; k++) {
                    if (Math.abs(v) > Long.MAX_VALUE / 1024) {
                        overflow = true;
                    }
                    v *= 1024;
                }
            } else {
                v = (v + 512) / 1024;
            }
        }
        if (overflow) {
            throw new ValueError("absolute value of integer \"" + s + "\" is too large (overflow)");
        }
        end = Ascii.skipSpace(s, end);
        if (end < s.length()) {
            throw extra(s.substring(end), "integer value for " + name);
        }
        return v;
    }

    private static Object fixed(String s, String name) throws ValueError {
        int i = Ascii.skipSpace(s, 0);
        int start = i;
        if (Ascii.at(s, i) == '-' || Ascii.at(s, i) == '+') {
            i++;
        }
        if (!Ascii.isDigit(Ascii.at(s, i))) {
            throw new ValueError("fixed-point number expected for " + name);
        }
        while (Ascii.isDigit(Ascii.at(s, i))) {
            i++;
        }
        long value;
        try {
            value = Long.parseLong(s.substring(start, i)) * 1000;
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new ValueError("integer \"" + s + "\" is too large (overflow)");
        }
        if (Ascii.at(s, i) == '.') {
            int d = 100;
            while (Ascii.isDigit(Ascii.at(s, ++i))) {
                value += (long) (s.charAt(i) - '0') * d;
                d /= 10;
            }
        }
        i = Ascii.skipSpace(s, i);
        if (i < s.length()) {
            throw extra(s.substring(i), "fixed-point value for " + name);
        }
        return value / 1000.0;
    }

    private static Object timeList(String s, String name) throws ValueError {
        List<Long> times = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int colon = s.indexOf(':', i);
            int end = colon < 0 ? s.length() : colon;
            int e = end;
            while (e > i && Ascii.isSpace(s.charAt(e - 1))) {
                e--;
            }
            long t = TimeValues.seconds(s, i, e);
            if (t < 0) {
                throw new ValueError("invalid time value for " + name);
            }
            if (!times.isEmpty() && t <= times.get(times.size() - 1)) {
                throw new ValueError("time value out of order for " + name);
            }
            times.add(t);
            if (colon < 0) {
                break;
            }
            i = Ascii.skipSpace(s, colon + 1);
        }
        return List.copyOf(times);
    }
}
