package org.jexim.conf.expand;

/**
 * Exim's parse_extract_address() and parse_find_address_end(): the operative address of an
 * RFC 2822 mailbox ("Name &lt;local@domain&gt;", comments, quoted local parts, source routes
 * collapsed), with Exim's error messages. Domain literals are refused unless the caller allows
 * them (allow_domain_literals, which only SMTP's MAIL and RCPT consult here).
 */
public final class AddressParser {
    /** A successful parse: the address, and the offset of its domain (0 when none). */
    public record Parsed(String address, int domain) {
        public String localPart() {
            return domain > 0 ? address.substring(0, domain - 1) : address;
        }

        public String domainPart() {
            return domain > 0 ? address.substring(domain) : "";
        }
    }

    private final String s;
    private int p;
    private int lastComment;
    /** Where the operative address starts and ends in the mailbox (Exim's start and end offsets). */
    private int start;
    private int end;
    private String error;
    /** Group syntax (phrase: addresses;) is accepted, as in ${addresses} and header scanning. */
    boolean allowGroup;
    /** Exim's allow_domain_literals: "[192.0.2.1]" is a domain. */
    private boolean allowDomainLiterals;
    boolean foundGroup;

    private AddressParser(String s) {
        this.s = s;
    }

    private char at(int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private static boolean special(char c) {
        return c < 32 || " ()<>@,;:\\\".[]\177".indexOf(c) >= 0;
    }

    private static boolean isSpace(char c) {
        return ExpansionParser.isSpace(c);
    }

    /** Parses one mailbox; returns null with {@code err[0]} set on a syntax error. */
    public static Parsed extract(String mailbox, String[] err) {
        AddressParser ap = new AddressParser(mailbox);
        Parsed r = ap.extract(false);
        if (err != null && err.length > 0) {
            err[0] = ap.error;
        }
        return r;
    }

    /**
     * Parses MAIL's or RCPT's data: {@code allowNull} accepts {@code <>}, {@code allowDomainLiterals}
     * is Exim's allow_domain_literals.
     */
    public static Span extractEnvelope(String mailbox, boolean allowNull, boolean allowDomainLiterals) {
        AddressParser ap = new AddressParser(mailbox);
        ap.allowDomainLiterals = allowDomainLiterals;
        Parsed r = ap.extract(allowNull);
        return new Span(r, ap.start, ap.end, ap.error);
    }

    /** A parse with the offsets of the operative address in the mailbox, or the error. */
    public record Span(Parsed parsed, int start, int end, String error) {
    }

    /**
     * Parses one mailbox as Exim's parse_extract_address does, with the start and end offsets
     * of the address inside it; {@code allowNull} accepts {@code <>} (an empty address).
     */
    public static Span extractSpan(String mailbox, boolean allowNull) {
        AddressParser ap = new AddressParser(mailbox);
        Parsed r = ap.extract(allowNull);
        return new Span(r, ap.start, ap.end, ap.error);
    }

    /**
     * As {@link #extractSpan}, inside a header where group syntax is allowed: {@code group}
     * holds Exim's parse_allow_group and parse_found_group, updated for the next address.
     */
    public static Span extractSpanInGroup(String mailbox, boolean[] group) {
        AddressParser ap = new AddressParser(mailbox);
        ap.allowGroup = group[0];
        ap.foundGroup = group[1];
        Parsed r = ap.extract(false);
        group[0] = ap.allowGroup;
        group[1] = ap.foundGroup;
        return new Span(r, ap.start, ap.end, ap.error);
    }

    /** The end (index of ',' or of the string) of the address starting at {@code from}. */
    public static int findAddressEnd(String s, int from, boolean nlEnds) {
        int i = from;
        boolean sourceRouting = i < s.length() && s.charAt(i) == '@';
        int noTerm = sourceRouting ? 1 : 0;
        while (i < s.length() && (s.charAt(i) != ',' || noTerm > 0) && (s.charAt(i) != '\n' || !nlEnds)) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                i += 2;
            } else if (c == '"') {
                while (++i < s.length() && (s.charAt(i) != '\n' || !nlEnds)) {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    } else if (s.charAt(i) == '"') {
                        i++;
                        break;
                    }
                }
            } else if (c == '(') {
                int level = 1;
                while (++i < s.length() && (s.charAt(i) != '\n' || !nlEnds)) {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < s.length()) {
                        i++;
                    } else if (d == '(') {
                        level++;
                    } else if (d == ')' && --level <= 0) {
                        i++;
                        break;
                    }
                }
            } else {
                if (c == '<') {
                    sourceRouting = i + 1 < s.length() && s.charAt(i + 1) == '@';
                    noTerm = sourceRouting ? 2 : 1;
                } else if (c == '>') {
                    noTerm--;
                } else if (sourceRouting && c == ':') {
                    noTerm--;
                }
                i++;
            }
        }
        return Math.min(i, s.length());
    }

    /** Parses a whole list of addresses for ${addresses}: each result, or null for a failed one. */
    public static java.util.List<Parsed> extractAll(String s) {
        java.util.List<Parsed> out = new java.util.ArrayList<>();
        boolean allow = true;
        boolean found = false;
        int from = 0;
        while (true) {
            int end = findAddressEnd(s, from, false);
            AddressParser ap = new AddressParser(s.substring(from, end));
            ap.allowGroup = allow;
            ap.foundGroup = found;
            out.add(ap.extract(false));
            allow = ap.allowGroup;
            found = ap.foundGroup;
            if (end >= s.length()) {
                return out;
            }
            from = end + 1;
        }
    }

    private void skipComment() {
        lastComment = p;
        while (p < s.length()) {
            while (p < s.length() && isSpace(s.charAt(p))) {
                p++;
            }
            if (at(p) != '(') {
                break;
            }
            int level = 1;
            while (++p < s.length()) {
                char c = s.charAt(p);
                if (c == '(') {
                    level++;
                } else if (c == ')') {
                    if (--level <= 0) {
                        p++;
                        break;
                    }
                } else if (c == '\\' && p + 1 < s.length()) {
                    p++;
                }
            }
        }
    }

    private String readDomain(StringBuilder t) {
        int tt = t.length();
        skipComment();
        if (at(p) == '[') {
            error = null;
            // consume the literal as Exim does before refusing it
            t.append(s.charAt(p++));
            if (s.regionMatches(true, p, "IPv6:", 0, 5) || s.regionMatches(true, p, "IPv4:", 0, 5)) {
                t.append(s, p, p + 5);
                p += 5;
            }
            while (at(p) == '.' || at(p) == ':' || Character.digit(at(p), 16) >= 0 && at(p) < 128) {
                t.append(s.charAt(p++));
            }
            if (at(p) == ']') {
                t.append(s.charAt(p++));
            } else {
                error = "malformed domain literal";
            }
            if (!allowDomainLiterals) {
                error = "domain literals not allowed";
            }
            if (error != null) {
                t.setLength(tt);
            }
            skipComment();
            return error;
        }
        while (true) {
            int tsave = t.length();
            if (at(p) != '-') {
                while (p < s.length() && (Character.isLetterOrDigit(s.charAt(p)) && s.charAt(p) < 128
                        || s.charAt(p) == '-')) {
                    t.append(s.charAt(p++));
                }
            }
            skipComment();
            if (t.length() == tsave) {
                error = "domain missing or malformed";
                t.setLength(tt);
                return error;
            }
            if (at(p) != '.') {
                break;
            }
            t.append(s.charAt(p++));
            skipComment();
        }
        return null;
    }

    private void readLocalPart(StringBuilder t, boolean allowNull) {
        int tt = t.length();
        error = null;
        while (true) {
            int tsave = t.length();
            skipComment();
            if (at(p) == '"') {
                t.append('"');
                char c = 0;
                while (++p < s.length() && (c = s.charAt(p)) != '"') {
                    t.append(c);
                    if (c == '\\' && p + 1 < s.length()) {
                        t.append(s.charAt(++p));
                    }
                }
                if (p < s.length() && c == '"') {
                    p++;
                    t.append('"');
                } else {
                    error = "unmatched doublequote in local part";
                    return;
                }
            } else {
                while (p < s.length() && (!special(s.charAt(p)) || s.charAt(p) == '\\')) {
                    char c = s.charAt(p++);
                    t.append(c);
                    if (c == '\\' && p < s.length()) {
                        t.append(s.charAt(p++));
                    }
                }
            }
            skipComment();
            if (t.length() == tsave && at(p) != '.') {
                if (t.length() == tt && !allowNull) {
                    error = "missing or malformed local part";
                }
                return;
            }
            if (at(p) != '.') {
                break;
            }
            do {
                t.append(s.charAt(p++));
            } while (at(p) == '.');
        }
    }

    private void readRoute(StringBuilder t) {
        boolean commas = false;
        error = null;
        while (at(p) == '@') {
            t.append('@');
            p++;
            int before = t.length();
            readDomain(t);
            if (t.length() == before) {
                return;
            }
            if (at(p) != ',') {
                break;
            }
            t.append(s.charAt(p++));
            commas = true;
            skipComment();
        }
        if (at(p) == ':') {
            t.append(s.charAt(p++));
        } else {
            error = commas ? "colon expected after route list" : "no local part";
        }
        skipComment();
    }

    /** Returns the domain offset in t, or 0. */
    private int readAddrSpec(StringBuilder t, char term) {
        readLocalPart(t, false);
        if (error == null && at(p) != term) {
            if (at(p) != '@') {
                error = "\"@\" or \".\" expected after \"" + t + "\"";
            } else {
                t.append(s.charAt(p++));
                int d = t.length();
                readDomain(t);
                return d;
            }
        }
        return 0;
    }

    private Parsed extract(boolean allowNull) {
        StringBuilder t = new StringBuilder();
        int domain = 0;
        int endptr;
        while (true) {
            skipComment();
            start = p;
            t.setLength(0);
            readLocalPart(t, true);
            if (error != null) {
                return failed();
            }
            if (at(p) != '@' && at(p) != '<') {
                if (p >= s.length() || at(p) == ';') {
                    if (t.length() == 0) {
                        error = "empty address";
                        return failed();
                    }
                    endptr = lastComment;
                    return succeeded(t.toString(), 0, endptr);
                }
                while (at(p) != '<' && (!allowGroup || at(p) != ':')) {
                    t.setLength(0);
                    readLocalPart(t, false);
                    if (error != null) {
                        error = error + " (expected word or \"<\")";
                        return failed();
                    }
                }
                if (at(p) == ':') {
                    foundGroup = true;
                    allowGroup = false;
                    p++;
                    continue;
                }
            }
            break;
        }
        if (at(p) == '<') {
            p++;
            t.setLength(0);
            start = p;
            skipComment();
            boolean sourceRouted = false;
            if (at(p) == '@') {
                readRoute(t);
                if (error != null) {
                    return failed();
                }
                t.setLength(0);
                sourceRouted = true;
            }
            if (allowNull && !sourceRouted && at(p) == '>') {
                t.setLength(0);
                error = null;
            } else {
                domain = readAddrSpec(t, '>');
                if (error != null) {
                    return failed();
                }
                if (sourceRouted && domain == 0) {
                    error = "domain missing in source-routed address";
                    return failed();
                }
            }
            endptr = p;
            if (at(p) != '>') {
                error = p >= s.length() ? "'>' missing at end of address"
                        : "malformed address: " + trunc(s.substring(p), 32) + " may not follow " + s.substring(0, p);
                p++;
                return failed();
            }
            p++;
            skipComment();
        } else if (t.length() == 0) {
            readRoute(t);
            if (error != null) {
                return failed();
            }
            t.setLength(0);
            domain = readAddrSpec(t, (char) 0);
            if (error != null) {
                return failed();
            }
            endptr = lastComment;
            if (domain == 0) {
                error = "domain missing in source-routed address";
                return failed();
            }
        } else {
            t.append(s.charAt(p++));
            domain = t.length();
            int before = t.length();
            readDomain(t);
            if (t.length() == before) {
                return failed();
            }
            endptr = lastComment;
        }
        return succeeded(t.toString(), domain, endptr);
    }

    private Parsed succeeded(String address, int domain, int endptr) {
        if (p < s.length()) {
            if (foundGroup && at(p) == ';') {
                foundGroup = false;
                allowGroup = true;
            } else {
                error = "malformed address: " + trunc(s.substring(p), 32) + " may not follow " + s.substring(0, p);
                return failed();
            }
        }
        if (address.length() > 256) {
            error = "address is ridiculously long: " + trunc(address, 64) + "...";
            return null;
        }
        error = null;
        end = endptr;
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return new Parsed(address, domain);
    }

    private Parsed failed() {
        if (foundGroup && at(p) == ';') {
            foundGroup = false;
            allowGroup = true;
        }
        return null;
    }

    private static String trunc(String s, int n) {
        return s.length() > n ? s.substring(0, n) : s;
    }
}
