package org.jexim.conf.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the text of an option setting into its typed value, as Exim's readconf does, refusing
 * bad values with Exim's own messages. The Java type of each value is given by {@link OptionType}.
 */
public final class OptionValues {
    private static final int DELAY_WARNING_MAX = 10;

    private OptionValues() {
    }

    /**
     * Parses {@code text}, the value after {@code =} with leading white space removed ("" for a
     * boolean given by its bare name). Strings in double quotes are unquoted with Exim's escapes.
     */
    public static Object parse(OptionDef def, String text) throws OptionValueException {
        return parse(def, text, SystemAccounts.LOCAL);
    }

    /** As {@link #parse(OptionDef, String)}, looking users and groups up in {@code accounts}. */
    public static Object parse(OptionDef def, String text, SystemAccounts accounts) throws OptionValueException {
        String name = def.name();
        String s = text == null ? "" : text;
        switch (def.type()) {
            case BOOL:
                return bool(name, s);
            case EXPAND_BOOL:
                return s.indexOf('$') >= 0 ? readString(name, s) : bool(name, s);
            case INT:
            case MKINT:
                return integer(name, s, 0, "");
            case OCTINT:
                return integer(name, s, 8, "octal ");
            case KINT:
                return kInteger(name, s);
            case FIXED:
                return fixed(name, s);
            case TIME:
                return time(name, s);
            case TIMELIST:
                return timeList(name, s);
            case STRING:
            case REWRITE:
                return readString(name, s);
            case UID:
                return user(readString(name, s), accounts);
            case GID:
                return group(readString(name, s), accounts);
            case EXPAND_UID: {
                String v = readString(name, s);
                return v.indexOf('$') >= 0 ? v : user(v, accounts);
            }
            case EXPAND_GID: {
                String v = readString(name, s);
                return v.indexOf('$') >= 0 ? v : group(v, accounts);
            }
            case UIDLIST: {
                List<String> users = EximLists.split(readString(name, s));
                for (String u : users) {
                    user(u, accounts);
                }
                return users;
            }
            case GIDLIST: {
                List<String> groups = EximLists.split(readString(name, s));
                for (String g : groups) {
                    group(g, accounts);
                }
                return groups;
            }
            case FUNC:
                // smtp_receive_timeout: a string to expand when it starts with $, else a time
                return s.startsWith("$") ? s : time(name, s);
            default:
                throw new IllegalStateException("no parser for " + def.type());
        }
    }

    private static Boolean bool(String name, String s) throws OptionValueException {
        if (s.isEmpty()) {
            return Boolean.TRUE;
        }
        int i = skipSpace(s, 0);
        int start = i;
        if (i < s.length() && Character.isLetter(s.charAt(i))) {
            while (i < s.length() && (isAlnum(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
        }
        String word = s.substring(start, i);
        boolean value;
        switch (word.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> value = true;
            case "false", "no" -> value = false;
            default -> throw new OptionValueException(
                    "\"" + word + "\" is not a valid value for the \"" + name + "\" option");
        }
        i = skipSpace(s, i);
        if (i < s.length()) {
            throw extraChars(s.substring(i), "\"" + word + "\" for boolean option " + name);
        }
        return value;
    }

    private static Long integer(String name, String s, int base, String inttype) throws OptionValueException {
        CLong r = CLong.strtol(s, 0, base);
        if (r.end == 0) {
            throw new OptionValueException(inttype + "integer expected for " + name);
        }
        long v = r.value;
        boolean range = r.overflow;
        int end = r.end;
        if (!range && end < s.length()) {
            int mult = "TtGgMmKk".indexOf(s.charAt(end));
            if (mult >= 0) {
                end++;
                for (int n = 4 - mult / 2; n > 0; n--) {
                    if (v > Integer.MAX_VALUE / 1024 || v < Integer.MIN_VALUE / 1024) {
                        range = true;
                        break;
                    }
                    v *= 1024;
                }
            }
        }
        if (range || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new OptionValueException("absolute value of integer \"" + s + "\" is too large (overflow)");
        }
        end = skipSpace(s, end);
        if (end < s.length()) {
            throw extraChars(s.substring(end), inttype + "integer value for " + name);
        }
        return v;
    }

    private static Long kInteger(String name, String s) throws OptionValueException {
        CLong r = CLong.strtol(s, 0, 0);
        if (r.end == 0) {
            throw new OptionValueException("integer expected for " + name);
        }
        long v = r.value;
        boolean range = r.overflow;
        int end = r.end;
        if (!range && end < s.length()) {
            int mult = "ZzEePpTtGgMmKk".indexOf(s.charAt(end));
            if (mult >= 0) {
                end++;
                for (int n = (12 - (mult & ~1)) / 2; n > 0; n--) {
                    if (v > Long.MAX_VALUE / 1024 || v < Long.MIN_VALUE / 1024) {
                        range = true;
                        break;
                    }
                    v *= 1024;
                }
            } else {
                v = (v + 512) / 1024;
            }
        }
        if (range) {
            throw new OptionValueException("absolute value of integer \"" + s + "\" is too large (overflow)");
        }
        end = skipSpace(s, end);
        if (end < s.length()) {
            throw extraChars(s.substring(end), "integer value for " + name);
        }
        return v;
    }

    private static Long fixed(String name, String s) throws OptionValueException {
        CLong r = CLong.strtol(s, 0, 10);
        if (r.end == 0) {
            throw new OptionValueException("fixed-point number expected for " + name);
        }
        int value = r.overflow ? -1 : (int) r.value;   // sscanf's %d stores a truncated int
        if (value < 0) {
            throw new OptionValueException("integer \"" + s + "\" is too large (overflow)");
        }
        value *= 1000;   // wraps like Exim's int
        if (value < 0) {
            throw new OptionValueException("integer \"" + s + "\" is too large (overflow)");
        }
        int i = r.end;
        if (i < s.length() && s.charAt(i) == '.') {
            int d = 100;
            for (i++; i < s.length() && isDigit(s.charAt(i)); i++) {
                value += (s.charAt(i) - '0') * d;
                d /= 10;
            }
        }
        i = skipSpace(s, i);
        if (i < s.length()) {
            throw extraChars(s.substring(i), "fixed-point value for " + name);
        }
        return (long) value;
    }

    private static Long time(String name, String s) throws OptionValueException {
        int v = EximTime.read(s);
        if (v < 0) {
            throw new OptionValueException("invalid time value for " + name);
        }
        return (long) v;
    }

    private static List<Long> timeList(String name, String s) throws OptionValueException {
        List<Long> out = new ArrayList<>();
        int i = 0;
        int count = 0;
        if (!s.isEmpty()) {
            for (count = 1; count <= DELAY_WARNING_MAX; count++) {
                int colon = s.indexOf(':', i);
                char terminator = '\0';
                if (colon >= 0) {
                    int ss = colon;
                    while (ss > i && Character.isWhitespace(s.charAt(ss - 1))) {
                        ss--;
                    }
                    terminator = s.charAt(ss);
                }
                int value = EximTime.read(s, i, s.length(), terminator);
                if (value < 0) {
                    throw new OptionValueException("invalid time value for " + name);
                }
                if (count > 1 && value <= out.get(out.size() - 1)) {
                    throw new OptionValueException("time value out of order for " + name);
                }
                out.add((long) value);
                if (colon < 0) {
                    break;
                }
                i = skipSpace(s, colon + 1);
            }
        }
        if (count > DELAY_WARNING_MAX) {
            throw new OptionValueException("too many time values for " + name);
        }
        if (!out.isEmpty() && out.get(0) == 0) {
            out.clear();   // a first value of zero means no list at all
        }
        return out;
    }

    private static String user(String name, SystemAccounts accounts) throws OptionValueException {
        if (accounts.user(name).isEmpty()) {
            throw new OptionValueException("user " + name + " was not found");
        }
        return name;
    }

    private static String group(String name, SystemAccounts accounts) throws OptionValueException {
        if (accounts.group(name).isEmpty()) {
            throw new OptionValueException("group " + name + " was not found");
        }
        return name;
    }

    /** Exim's read_string: the text itself, or the contents of a double-quoted string with its escapes. */
    static String readString(String name, String s) throws OptionValueException {
        if (!s.startsWith("\"")) {
            return s;
        }
        EximStrings.Dequoted d = EximStrings.dequote(s, 0);
        if (d.end() == 1 || s.charAt(d.end() - 1) != '"') {
            throw new OptionValueException("missing quote at end of string value for " + name);
        }
        if (d.end() < s.length()) {
            throw extraChars(s.substring(d.end()), "string value for " + name);
        }
        return d.value();
    }

    private static OptionValueException extraChars(String rest, String what) {
        return new OptionValueException("extra characters follow " + what
                + (rest.startsWith("#") ? " (# is comment only at line start)" : ""));
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
