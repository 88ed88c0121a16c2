package org.jexim.routing;

/**
 * The syntax checks of Exim's parse_extract_address for a bare address (local part, optional
 * {@code @domain}), with Exim's error texts; used for -bt/-bv arguments and redirect items.
 */
public final class AddressSyntax {
    private static final String ATOM_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private AddressSyntax() {
    }

    /** The error Exim reports for this address, or null when it is well formed. */
    public static String error(String address) {
        String s = address.strip();
        if (s.startsWith("<")) {
            boolean closed = s.endsWith(">") && s.length() > 1;
            s = s.substring(1, closed ? s.length() - 1 : s.length()).strip();
            String bad = routeAddressLocalPart(s, closed);
            if (bad != null) {
                return bad;
            }
        }
        int i = localPartEnd(s);
        if (i == 0) {
            if (s.startsWith("@")) {
                return domainEnd(s, 1) <= 1 ? "domain missing or malformed" : "no local part";
            }
            return "missing or malformed local part (expected word or \"<\")";
        }
        if (i < 0) {
            return s.indexOf('"', 1) < 0 ? "unmatched doublequote in local part"
                    : "unmatched doublequote in local part (expected word or \"<\")";
        }
        if (i == s.length()) {
            return null;
        }
        if (s.charAt(i) != '@') {
            return "missing or malformed local part (expected word or \"<\")";
        }
        if (i + 1 < s.length() && s.charAt(i + 1) == '[') {
            int close = s.indexOf(']', i);
            return close < 0 ? "malformed domain literal" : trailing(s, close + 1);
        }
        int end = domainEnd(s, i + 1);
        if (end <= i + 1) {
            return "domain missing or malformed";
        }
        return trailing(s, end);
    }

    /**
     * Exim's route-addr: inside "<" (and ">" when {@code closed}) a local part must be followed by
     * "@" or the end, and the ">" must be there; null when the domain is next to check.
     */
    private static String routeAddressLocalPart(String s, boolean closed) {
        int i = localPartEnd(s);
        if (i < 0) {
            return "unmatched doublequote in local part";
        }
        if (i == 0) {
            return "missing or malformed local part";
        }
        if (i == s.length() && closed) {
            return null;
        }
        if (i < s.length() && s.charAt(i) == '@') {
            return closed ? null : "'>' missing at end of address";
        }
        return "\"@\" or \".\" expected after \"" + s.substring(0, i) + "\"";
    }

    private static String trailing(String s, int end) {
        int j = end;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        if (j == s.length()) {
            return end == s.length() ? null : null;
        }
        return "malformed address: " + s.substring(j) + " may not follow " + s.substring(0, j);
    }

    /** The end of the local part: 0 when there is none, -1 for an unterminated quote. */
    private static int localPartEnd(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != '"') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= s.length()) {
                    return -1;
                }
                i = j + 1;
            } else if (isAtom(c)) {
                while (i < s.length() && isAtom(s.charAt(i))) {
                    i++;
                }
            } else {
                return i;
            }
            while (i < s.length() && s.charAt(i) == '.') {
                i++;
            }
        }
        return i;
    }

    /** The end of a dot-separated domain starting at {@code from}; {@code from} itself when malformed. */
    private static int domainEnd(String s, int from) {
        int i = from;
        while (true) {
            if (i >= s.length() || !Character.isLetterOrDigit(s.charAt(i))) {
                return from;
            }
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-'
                    || s.charAt(i) == '_')) {
                i++;
            }
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                continue;
            }
            return i;
        }
    }

    private static boolean isAtom(char c) {
        return c > ' ' && c < 127 && (Character.isLetterOrDigit(c) || ATOM_SPECIALS.indexOf(c) >= 0);
    }
}
