package org.jexim.conf.expand;

import java.util.ArrayList;
import java.util.List;

/** The light JSON handling of Exim's expansions: dewrap() and json_nextinlist(). */
public final class Json {
    private Json() {
    }

    /**
     * Strips the wrapping pair (e.g. "[]" or "\"\"") around a value, honouring backslashes and
     * nesting; null when the wrapper is missing (Exim: "missing 'c'").
     */
    public static String dewrap(String s, String wrap) {
        char open = wrap.charAt(0);
        char close = wrap.charAt(1);
        boolean quotes = open == close;
        int p = 0;
        while (p < s.length() && ExpansionParser.isSpace(s.charAt(p))) {
            p++;
        }
        if (p < s.length() && s.charAt(p) == open) {
            int start = ++p;
            int depth = 0;
            while (p < s.length()) {
                char c = s.charAt(p);
                if (c == '\\') {
                    p++;
                } else if (!quotes && c == open) {
                    depth++;
                } else if (c == close) {
                    if (depth == 0) {
                        return s.substring(start, p);
                    }
                    depth--;
                }
                p++;
            }
        }
        return null;
    }

    /** Exim's message when {@link #dewrap} fails on {@code s}: the opener when absent, else the closer. */
    public static String missing(String s, String wrap) {
        String t = s.stripLeading();
        return "missing '" + (t.startsWith(String.valueOf(wrap.charAt(0))) ? wrap.charAt(1) : wrap.charAt(0)) + "'";
    }

    /** The elements of a JSON array body (without its brackets), split at top-level commas. */
    public static List<String> arrayElements(String list) {
        List<String> out = new ArrayList<>();
        int s = 0;
        while (true) {
            while (s < list.length() && ExpansionParser.isSpace(list.charAt(s))) {
                s++;
            }
            int item = s;
            int arrays = 0;
            int objects = 0;
            while (s < list.length() && (list.charAt(s) != ',' || arrays != 0 || objects != 0)) {
                switch (list.charAt(s)) {
                    case '[' -> arrays++;
                    case ']' -> arrays--;
                    case '{' -> objects++;
                    case '}' -> objects--;
                    default -> {
                    }
                }
                s++;
            }
            if (item == s) {
                return out;
            }
            out.add(list.substring(item, s));
            if (s < list.length()) {
                s++;
            }
        }
    }
}
