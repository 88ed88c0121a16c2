package org.jexim.conf.expand;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The PCRE2 to java.util.regex translation behind {@link Pcre}. */
final class PcreTranslator {
    private static final Map<String, String> POSIX = new LinkedHashMap<>();

    static {
        POSIX.put("alpha", "\\p{Alpha}");
        POSIX.put("digit", "0-9");
        POSIX.put("alnum", "\\p{Alnum}");
        POSIX.put("space", "\\s\\x0b");
        POSIX.put("upper", "\\p{Upper}");
        POSIX.put("lower", "\\p{Lower}");
        POSIX.put("punct", "\\p{Punct}");
        POSIX.put("print", "\\p{Print}");
        POSIX.put("graph", "\\p{Graph}");
        POSIX.put("cntrl", "\\p{Cntrl}");
        POSIX.put("xdigit", "\\p{XDigit}");
        POSIX.put("blank", " \\t");
        POSIX.put("word", "\\w");
        POSIX.put("ascii", "\\x00-\\x7f");
    }

    private PcreTranslator() {
    }

    /** Translates PCRE2 syntax to java.util.regex syntax; throws PCRE2's error on bad patterns. */
    static String translate(String s) throws Pcre.RegexError {
        StringBuilder out = new StringBuilder(s.length() + 16);
        int n = s.length();
        int depth = 0;
        int groups = countGroups(s);
        java.util.Set<String> names = groupNames(s);
        boolean atomStart = true; // nothing to repeat yet
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> {
                    i = escape(s, i, out, false, groups, names);
                    atomStart = false;
                }
                case '[' -> {
                    i = charClass(s, i, out);
                    atomStart = false;
                }
                case '(' -> {
                    int[] r = group(s, i, out);
                    i = r[0];
                    if (r[1] == 1) {
                        depth++;
                        atomStart = true;
                    }
                }
                case ')' -> {
                    if (depth == 0) {
                        throw new Pcre.RegexError("unmatched closing parenthesis", i);
                    }
                    depth--;
                    out.append(c);
                    atomStart = false;
                }
                case '*', '+', '?' -> {
                    if (atomStart) {
                        throw new Pcre.RegexError("quantifier does not follow a repeatable item", i);
                    }
                    out.append(c);
                    if (i + 1 < n && (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '?')) {
                        out.append(s.charAt(++i));
                    }
                    atomStart = true;
                }
                case '{' -> {
                    int end = quantifierEnd(s, i);
                    if (end < 0) {
                        out.append("\\{");
                        atomStart = false;
                    } else {
                        if (atomStart) {
                            throw new Pcre.RegexError("quantifier does not follow a repeatable item", i);
                        }
                        checkQuantifier(s, i, end);
                        out.append(s, i, end + 1);
                        i = end;
                        if (i + 1 < n && (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '?')) {
                            out.append(s.charAt(++i));
                        }
                        atomStart = true;
                    }
                }
                case '|' -> {
                    out.append(c);
                    atomStart = true;
                }
                case '^', '$' -> {
                    out.append(c);
                    atomStart = true;
                }
                case '}' -> {
                    out.append("\\}");
                    atomStart = false;
                }
                default -> {
                    out.append(c);
                    atomStart = false;
                }
            }
        }
        if (depth > 0) {
            throw new Pcre.RegexError("missing closing parenthesis", n);
        }
        return out.toString();
    }

    private static int countGroups(String s) {
        int count = 0;
        boolean inClass = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < s.length() && s.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < s.length() && s.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == '(') {
                if (i + 1 >= s.length() || s.charAt(i + 1) != '?') {
                    count++;
                } else if (i + 2 < s.length() && (s.charAt(i + 2) == '<' || s.charAt(i + 2) == 'P'
                        || s.charAt(i + 2) == '\'') && i + 3 < s.length() && s.charAt(i + 3) != '='
                        && s.charAt(i + 3) != '!') {
                    count++;
                }
            }
        }
        return count;
    }

    private static java.util.Set<String> groupNames(String s) {
        java.util.Set<String> names = new java.util.HashSet<>();
        java.util.regex.Matcher m = Pattern.compile("\\(\\?(?:P?<|')([A-Za-z_][A-Za-z0-9_]*)[>']").matcher(s);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The index of the '}' closing a valid quantifier at {@code i}, else -1 (the '{' is literal). */
    private static int quantifierEnd(String s, int i) {
        int j = i + 1;
        int d = j;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
            j++;
        }
        if (j == d) {
            return -1;
        }
        if (j < s.length() && s.charAt(j) == '}') {
            return j;
        }
        if (j < s.length() && s.charAt(j) == ',') {
            j++;
            while (j < s.length() && Character.isDigit(s.charAt(j))) {
                j++;
            }
            if (j < s.length() && s.charAt(j) == '}') {
                return j;
            }
        }
        return -1;
    }

    private static void checkQuantifier(String s, int i, int end) throws Pcre.RegexError {
        String body = s.substring(i + 1, end);
        String[] parts = body.split(",", -1);
        try {
            long lo = Long.parseLong(parts[0]);
            if (lo > 65535) {
                throw new Pcre.RegexError("number too big in {} quantifier", i + 1 + parts[0].length());
            }
            if (parts.length > 1 && !parts[1].isEmpty()) {
                long hi = Long.parseLong(parts[1]);
                if (hi > 65535) {
                    throw new Pcre.RegexError("number too big in {} quantifier", end);
                }
                if (hi < lo) {
                    throw new Pcre.RegexError("numbers out of order in {} quantifier", end);
                }
            }
        } catch (NumberFormatException e) {
            throw new Pcre.RegexError("number too big in {} quantifier", end);
        }
    }

    /** Handles '(' at i; appends the Java form of the group opening; returns {last index used, 1 if a group was opened}. */
    private static int[] group(String s, int i, StringBuilder out) throws Pcre.RegexError {
        if (i + 1 >= s.length() || s.charAt(i + 1) != '?') {
            if (i + 1 < s.length() && s.charAt(i + 1) == '*') {
                throw new Pcre.RegexError("backtracking control verbs are not supported by jexim's regex engine", i + 1);
            }
            out.append('(');
            return new int[] {i, 1};
        }
        char c = i + 2 < s.length() ? s.charAt(i + 2) : 0;
        switch (c) {
            case '#': {
                int end = s.indexOf(')', i);
                if (end < 0) {
                    throw new Pcre.RegexError("missing ) after (?# comment", s.length());
                }
                return new int[] {end, 0};
            }
            case 'P': {
                char d = i + 3 < s.length() ? s.charAt(i + 3) : 0;
                if (d == '<') {
                    out.append("(?<");
                    return new int[] {i + 3, 1};
                }
                if (d == '=') {
                    int end = s.indexOf(')', i);
                    if (end < 0) {
                        throw new Pcre.RegexError("missing closing parenthesis", s.length());
                    }
                    out.append("\\k<").append(s, i + 4, end).append(">");
                    return new int[] {end, 0};
                }
                if (d == '>') {
                    throw new Pcre.RegexError("recursion (?P>name) is not supported by jexim's regex engine", i + 2);
                }
                throw new Pcre.RegexError("unrecognized character after (?P", i + 3);
            }
            case '\'': {
                int end = s.indexOf('\'', i + 3);
                if (end < 0) {
                    throw new Pcre.RegexError("syntax error in subpattern name (missing terminator?)", s.length());
                }
                out.append("(?<").append(s, i + 3, end).append('>');
                return new int[] {end, 1};
            }
            case '<': {
                char d = i + 3 < s.length() ? s.charAt(i + 3) : 0;
                if (d == '=' || d == '!') {
                    out.append("(?<").append(d);
                    return new int[] {i + 3, 1};
                }
                out.append("(?<");
                return new int[] {i + 2, 1};
            }
            case ':', '=', '!', '>':
                out.append("(?").append(c);
                return new int[] {i + 2, 1};
            case '|':
                throw new Pcre.RegexError("branch reset groups (?| are not supported by jexim's regex engine", i + 2);
            case '(':
                throw new Pcre.RegexError("conditional groups (?( are not supported by jexim's regex engine", i + 2);
            case 'R', '&', '+':
                throw new Pcre.RegexError("recursion is not supported by jexim's regex engine", i + 2);
            case 'C':
                throw new Pcre.RegexError("callouts are not supported by jexim's regex engine", i + 2);
            default:
                if (Character.isDigit(c) || c == '-' && i + 3 < s.length() && Character.isDigit(s.charAt(i + 3))) {
                    throw new Pcre.RegexError("recursion is not supported by jexim's regex engine", i + 2);
                }
                // option setting (?imsx-imsx) or (?imsx-imsx:...)
                int j = i + 2;
                StringBuilder flags = new StringBuilder();
                while (j < s.length() && "imsxnJU-^".indexOf(s.charAt(j)) >= 0) {
                    char f = s.charAt(j);
                    if (f == 'n' || f == 'J' || f == 'U') {
                        throw new Pcre.RegexError("option (?" + f + ") is not supported by jexim's regex engine", j);
                    }
                    if (f != '^') {
                        flags.append(f);
                    }
                    j++;
                }
                if (j < s.length() && (s.charAt(j) == ')' || s.charAt(j) == ':')) {
                    out.append("(?").append(flags).append(s.charAt(j));
                    return new int[] {j, s.charAt(j) == ')' ? 0 : 1};
                }
                throw new Pcre.RegexError("unrecognized character after (? or (?-", j);
        }
    }

    /** Handles '[' at i; appends a Java class; returns the index of the closing ']'. */
    private static int charClass(String s, int i, StringBuilder out) throws Pcre.RegexError {
        int n = s.length();
        int j = i + 1;
        out.append('[');
        if (j < n && s.charAt(j) == '^') {
            out.append('^');
            j++;
        }
        if (j < n && s.charAt(j) == ']') {
            out.append("\\]");
            j++;
        }
        int prev = -1; // previous literal char, for range checks
        boolean empty = true;
        for (; j < n; j++) {
            char c = s.charAt(j);
            if (c == ']') {
                out.append(']');
                return j;
            }
            empty = false;
            if (c == '[' && j + 1 < n && (s.charAt(j + 1) == ':' || s.charAt(j + 1) == '.' || s.charAt(j + 1) == '=')) {
                char kind = s.charAt(j + 1);
                int end = s.indexOf(kind + "]", j + 2);
                if (end > 0) {
                    String name = s.substring(j + 2, end);
                    if (kind != ':') {
                        throw new Pcre.RegexError("POSIX collating elements are not supported", j);
                    }
                    boolean neg = name.startsWith("^");
                    if (neg) {
                        name = name.substring(1);
                    }
                    String cls = POSIX.get(name);
                    if (cls == null) {
                        throw new Pcre.RegexError("unknown POSIX class name", j + 2);
                    }
                    out.append(neg ? "&&[^" + cls + "]" : cls);
                    j = end + 1;
                    prev = -1;
                    continue;
                }
            }
            if (c == '\\') {
                int before = out.length();
                int k = escape(s, j, out, true, 0, java.util.Set.of());
                String added = out.substring(before);
                prev = added.length() == 1 ? added.charAt(0) : literalOf(added);
                j = k;
                continue;
            }
            if (c == '-' && prev >= 0 && j + 1 < n && s.charAt(j + 1) != ']') {
                char hi = s.charAt(j + 1);
                int hiVal = hi;
                if (hi == '\\') {
                    StringBuilder tmp = new StringBuilder();
                    int k = escape(s, j + 1, tmp, true, 0, java.util.Set.of());
                    hiVal = tmp.length() == 1 ? tmp.charAt(0) : literalOf(tmp.toString());
                    if (hiVal >= 0 && hiVal < prev) {
                        throw new Pcre.RegexError("range out of order in character class", k);
                    }
                    out.append('-').append(tmp);
                    j = k;
                    prev = -1;
                    continue;
                }
                if (hi == '[') {
                    out.append("-\\[");
                    j++;
                    if (hiVal < prev) {
                        throw new Pcre.RegexError("range out of order in character class", j);
                    }
                    prev = -1;
                    continue;
                }
                if (hiVal < prev) {
                    throw new Pcre.RegexError("range out of order in character class", j + 1);
                }
                out.append('-').append(hi);
                j++;
                prev = -1;
                continue;
            }
            if (c == '[' || c == '&' || c == '-' && (prev < 0)) {
                out.append('\\').append(c);
            } else if (c == ' ' || c == '#') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
            prev = c;
        }
        throw new Pcre.RegexError("missing terminating ] for character class", n);
    }

    private static int literalOf(String javaEscape) {
        if (javaEscape.startsWith("\\x{") && javaEscape.endsWith("}")) {
            try {
                return Integer.parseInt(javaEscape.substring(3, javaEscape.length() - 1), 16);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        if (javaEscape.length() == 2 && javaEscape.charAt(0) == '\\' && !Character.isLetterOrDigit(javaEscape.charAt(1))) {
            return javaEscape.charAt(1);
        }
        return -1;
    }

    /** Handles '\' at i; returns the last index used. */
    private static int escape(String s, int i, StringBuilder out, boolean inClass, int groups,
            java.util.Set<String> names) throws Pcre.RegexError {
        int n = s.length();
        if (i + 1 >= n) {
            throw new Pcre.RegexError("\\ at end of pattern", n);
        }
        char c = s.charAt(i + 1);
        if (c == 'Q') {
            int end = s.indexOf("\\E", i + 2);
            String lit = end < 0 ? s.substring(i + 2) : s.substring(i + 2, end);
            for (char l : lit.toCharArray()) {
                appendLiteral(out, l);
            }
            return end < 0 ? n - 1 : end + 1;
        }
        if (c == 'E') {
            return i + 1;
        }
        if (Character.isDigit(c)) {
            if (c == '0' || inClass) {
                int v = 0;
                int j = i + 1;
                int k = 0;
                while (j < n && k < 3 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                    v = v * 8 + s.charAt(j) - '0';
                    j++;
                    k++;
                }
                if (k == 0) {
                    appendLiteral(out, c);
                    return i + 1;
                }
                out.append(String.format("\\x{%x}", v));
                return j - 1;
            }
            int j = i + 1;
            int v = 0;
            while (j < n && Character.isDigit(s.charAt(j))) {
                v = v * 10 + s.charAt(j) - '0';
                j++;
            }
            if (v > groups) {
                if (v >= 10 && c <= '7') {
                    int oct = 0;
                    int k = i + 1;
                    int cnt = 0;
                    while (k < n && cnt < 3 && s.charAt(k) >= '0' && s.charAt(k) <= '7') {
                        oct = oct * 8 + s.charAt(k) - '0';
                        k++;
                        cnt++;
                    }
                    out.append(String.format("\\x{%x}", oct & 0xff));
                    return k - 1;
                }
                throw new Pcre.RegexError("reference to non-existent subpattern", j - 1);
            }
            out.append("(?:\\").append(v).append(')');
            return j - 1;
        }
        switch (c) {
            case 'g': {
                int j = i + 2;
                boolean brace = j < n && s.charAt(j) == '{';
                if (brace) {
                    j++;
                }
                int start = j;
                if (j < n && (s.charAt(j) == '-' || s.charAt(j) == '+')) {
                    throw new Pcre.RegexError("relative back references are not supported by jexim's regex engine", j);
                }
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                String ref = s.substring(start, j);
                if (brace) {
                    if (j >= n || s.charAt(j) != '}') {
                        throw new Pcre.RegexError("\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number", j);
                    }
                }
                appendBackref(ref, out, groups, names, j);
                return brace ? j : j - 1;
            }
            case 'k': {
                int j = i + 2;
                char open = j < n ? s.charAt(j) : 0;
                char close = open == '<' ? '>' : open == '{' ? '}' : open == '\'' ? '\'' : 0;
                if (close == 0) {
                    throw new Pcre.RegexError("\\k is not followed by a braced, angle-bracketed, or quoted name", j);
                }
                int end = s.indexOf(close, j + 1);
                if (end < 0) {
                    throw new Pcre.RegexError("syntax error in subpattern name (missing terminator?)", n);
                }
                appendBackref(s.substring(j + 1, end), out, groups, names, end - 1);
                return end;
            }
            case 'o': {
                int end = s.indexOf('}', i);
                if (i + 2 >= n || s.charAt(i + 2) != '{' || end < 0) {
                    throw new Pcre.RegexError("missing opening brace after \\o", i + 2);
                }
                out.append(String.format("\\x{%x}", Integer.parseInt(s.substring(i + 3, end), 8)));
                return end;
            }
            case 'x': {
                if (i + 2 < n && s.charAt(i + 2) == '{') {
                    int end = i + 3;
                    while (end < n && s.charAt(end) < 128 && Character.digit(s.charAt(end), 16) >= 0) {
                        end++;
                    }
                    boolean closed = end < n && s.charAt(end) == '}';
                    if (end == i + 3 && (closed || end >= n)) {
                        throw new Pcre.RegexError("digits missing in \\x{} or \\o{} or \\N{U+}", end);
                    }
                    if (!closed) {
                        throw new Pcre.RegexError("non-hex character in \\x{} (closing brace missing?)",
                                Math.min(end, n - 1));
                    }
                    int v = Integer.parseInt(s.substring(i + 3, end), 16);
                    if (v > 0xff) {
                        throw new Pcre.RegexError("character code point value in \\x{} or \\o{} is too large", end);
                    }
                    out.append(String.format("\\x{%x}", v));
                    return end;
                }
                int j = i + 2;
                int v = 0;
                int k = 0;
                while (j < n && k < 2 && Character.digit(s.charAt(j), 16) >= 0 && s.charAt(j) < 128) {
                    v = v * 16 + Character.digit(s.charAt(j), 16);
                    j++;
                    k++;
                }
                out.append(String.format("\\x{%x}", v));
                return j - 1;
            }
            case 'N':
                if (inClass) {
                    throw new Pcre.RegexError("escape sequence is invalid in character class", i + 1);
                }
                out.append("[^\\n]");
                return i + 1;
            case 'K':
                throw new Pcre.RegexError("\\K is not supported by jexim's regex engine", i + 1);
            case 'C':
                out.append(inClass ? "\\x00-\\xff" : "(?s:.)");
                return i + 1;
            case 'X':
                out.append("\\X");
                return i + 1;
            case 'c': {
                if (i + 2 >= n) {
                    throw new Pcre.RegexError("\\c at end of pattern", n);
                }
                out.append(String.format("\\x{%x}", Character.toUpperCase(s.charAt(i + 2)) ^ 0x40));
                return i + 2;
            }
            case 'd', 'D', 's', 'S', 'w', 'W', 'h', 'H', 'v', 'V', 't', 'n', 'r', 'f', 'e', 'a':
                out.append('\\').append(c);
                return i + 1;
            case 'b', 'B', 'A', 'z', 'Z', 'G', 'R':
                if (inClass) {
                    if (c == 'b') {
                        out.append("\\x{8}");
                        return i + 1;
                    }
                    throw new Pcre.RegexError("escape sequence is invalid in character class", i + 2);
                }
                out.append('\\').append(c);
                return i + 1;
            case 'p', 'P': {
                // PCRE2 without UTF: \p{..} still works for ASCII properties
                int j = i + 2;
                if (j < n && s.charAt(j) == '{') {
                    int end = s.indexOf('}', j);
                    if (end < 0) {
                        throw new Pcre.RegexError("malformed \\P or \\p sequence", n);
                    }
                    out.append('\\').append(c).append(s, j, end + 1);
                    return end;
                }
                out.append('\\').append(c).append(j < n ? s.charAt(j) : ' ');
                return j;
            }
            default:
                if (Character.isLetterOrDigit(c)) {
                    throw new Pcre.RegexError("unrecognized character follows \\", i + 1);
                }
                appendLiteral(out, c);
                return i + 1;
        }
    }

    private static void appendBackref(String ref, StringBuilder out, int groups, java.util.Set<String> names, int at)
            throws Pcre.RegexError {
        if (!ref.isEmpty() && ref.chars().allMatch(Character::isDigit)) {
            int v = Integer.parseInt(ref);
            if (v > groups || v == 0) {
                throw new Pcre.RegexError("reference to non-existent subpattern", at);
            }
            out.append("(?:\\").append(v).append(')');
        } else {
            if (!names.contains(ref)) {
                throw new Pcre.RegexError("reference to non-existent subpattern", at);
            }
            out.append("\\k<").append(ref).append('>');
        }
    }

    private static void appendLiteral(StringBuilder out, char c) {
        if (Character.isLetterOrDigit(c) || c == '_' || c > 127) {
            out.append(c);
        } else if (c < 32 || c == 127) {
            out.append(String.format("\\x{%x}", (int) c));
        } else {
            out.append('\\').append(c);
        }
    }
}
