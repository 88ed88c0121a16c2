package org.jexim.queuetools;

/**
 * An address given on the command line (-Mar, -Mmd, -Mes), extracted as Exim's
 * parse_extract_address does for the common forms: {@code local@domain}, {@code Name <local@domain>},
 * a source route, comments in parentheses; errors carry Exim's texts.
 */
public final class AddressArgument {
    private static final String SPECIALS = "()<>@,;:\\\".[]";

    /** The outcome: the address (empty for "<>"), whether it has a domain, or Exim's error text. */
    public record Parsed(String address, boolean hasDomain, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final String text;
    private int pos;

    private AddressArgument(String text) {
        this.text = text;
    }

    public static Parsed parse(String argument, boolean allowNull) {
        return new AddressArgument(org.jexim.submit.AddressList.stripComments(argument)).parse(allowNull);
    }

    private Parsed parse(boolean allowNull) {
        String s = text.strip();
        if (s.isEmpty()) {
            return bad("empty address");
        }
        int lt = indexOutsideQuotes(text, '<');
        if (lt < 0) {
            pos = 0;
            skipSpace();
            return addrSpec(false);
        }
        int gt = text.indexOf('>', lt);
        if (gt < 0) {
            return bad("'>' missing at end of address");
        }
        String inner = text.substring(lt + 1, gt).strip();
        if (inner.isEmpty()) {
            return allowNull ? new Parsed("", true, null) : bad("empty address");
        }
        int rest = gt + 1;
        while (rest < text.length() && Character.isWhitespace(text.charAt(rest))) {
            rest++;
        }
        if (rest < text.length()) {
            return mayNotFollow(rest);
        }
        int routeEnd = inner.startsWith("@") ? inner.indexOf(':') : -1;
        AddressArgument innerParser = new AddressArgument(routeEnd >= 0 ? inner.substring(routeEnd + 1) : inner);
        return innerParser.addrSpec(true);
    }

    private Parsed addrSpec(boolean bracketed) {
        int start = pos;
        boolean word = readWord();
        while (word || peek() == '.') {
            if (peek() != '.') {
                break;
            }
            pos++;
            word = readWord();
        }
        if (pos == start) {
            return peek() == '@' ? bad("no local part") : bad("missing or malformed local part (expected word or \"<\")");
        }
        String local = text.substring(start, pos);
        skipSpace();
        if (pos >= text.length()) {
            return new Parsed(local, false, null);
        }
        if (peek() != '@') {
            return Character.isLetterOrDigit(peek()) || peek() == '"'
                ? bad("missing or malformed local part (expected word or \"<\")") : mayNotFollow(pos);
        }
        pos++;
        skipSpace();
        int domainStart = pos;
        if (peek() == '[') {
            int close = text.indexOf(']', pos);
            if (close < 0) {
                return bad("domain missing or malformed");
            }
            pos = close + 1;
        } else {
            while (readAtom()) {
                if (peek() != '.') {
                    break;
                }
                pos++;
            }
        }
        String domain = text.substring(domainStart, pos);
        if (domain.isEmpty() || domain.endsWith(".")) {
            return bad("domain missing or malformed");
        }
        int end = pos;
        skipSpace();
        if (pos < text.length() && !bracketed) {
            return mayNotFollow(pos, end);
        }
        return new Parsed(local + "@" + domain, true, null);
    }

    private boolean readWord() {
        if (peek() == '"') {
            int i = pos + 1;
            while (i < text.length() && text.charAt(i) != '"') {
                i += text.charAt(i) == '\\' ? 2 : 1;
            }
            if (i >= text.length()) {
                return false;
            }
            pos = i + 1;
            return true;
        }
        return readAtom();
    }

    private boolean readAtom() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) > ' ' && SPECIALS.indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        return pos > start;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private Parsed mayNotFollow(int rest) {
        return mayNotFollow(rest, rest);
    }

    private Parsed mayNotFollow(int rest, int end) {
        String tail = text.substring(rest);
        return bad("malformed address: " + tail.substring(0, Math.min(32, tail.length()))
            + " may not follow " + text.substring(0, end));
    }

    private static Parsed bad(String message) {
        return new Parsed(null, false, message);
    }

    private static int indexOutsideQuotes(String s, char c) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char x = s.charAt(i);
            if (x == '"') {
                quoted = !quoted;
            } else if (x == c && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
