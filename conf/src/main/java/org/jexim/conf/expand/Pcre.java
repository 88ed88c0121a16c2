package org.jexim.conf.expand;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * PCRE2 patterns, as Exim compiles them, translated to java.util.regex. Differences handled:
 * '[' and '&&' are literal inside classes, POSIX classes, a leading ']' in a class, '{' that
 * is not a quantifier, \Q..\E, (?P<n>...), \g and \k forms, \o{}, \N, (?#...) comments, and
 * '.' and '$' seeing only \n as a line end. Constructs Java lacks (\K, recursion (?R) (?1)
 * (?&n), conditionals (?(...)), branch reset (?|...), callouts, backtracking verbs) are
 * refused with an error naming the construct. Error messages follow PCRE2's for the usual
 * mistakes.
 */
public final class Pcre {
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();
    private Pcre() {
    }

    /** A pattern that cannot be compiled: PCRE2's message and offset. */
    public static final class RegexError extends Exception {
        private final int offset;

        public RegexError(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    /** Thrown when a match does too much backtracking, as PCRE2's match limit stops it. */
    public static final class MatchLimitException extends RuntimeException {
        MatchLimitException() {
            super("regular expression match limit exceeded", null, false, false);
        }
    }

    /** PCRE2's default match limit is 10,000,000 steps; character reads stand in for steps here. */
    private static final long MATCH_LIMIT = 50_000_000L;

    /**
     * A matcher that gives up, with {@link MatchLimitException}, on catastrophic backtracking
     * instead of running for ever (Exim treats PCRE2's "match limit exceeded" as no match).
     */
    public static java.util.regex.Matcher matcher(Pattern p, String subject) {
        return p.matcher(new Limited(subject));
    }

    /** A string whose characters may be read only so many times. */
    private static final class Limited implements CharSequence {
        private final String s;
        private final long[] budget;

        Limited(String s) {
            this(s, new long[] {MATCH_LIMIT + 10L * s.length()});
        }

        private Limited(String s, long[] budget) {
            this.s = s;
            this.budget = budget;
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new MatchLimitException();
            }
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Limited(s.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return s;
        }
    }

    /** Compiles (cached) a PCRE2 pattern. */
    public static Pattern compile(String pcre, boolean caseless) throws RegexError {
        String key = (caseless ? "i" : "c") + pcre;
        Pattern p = CACHE.get(key);
        if (p != null) {
            return p;
        }
        String java = PcreTranslator.translate(pcre);
        try {
            p = Pattern.compile(java, Pattern.UNIX_LINES | (caseless ? Pattern.CASE_INSENSITIVE : 0));
        } catch (PatternSyntaxException e) {
            throw new RegexError(javaMessage(e), Math.max(0, Math.min(pcre.length(), e.getIndex())));
        } catch (StackOverflowError e) {
            throw new RegexError("regular expression is too complicated", 0);
        }
        if (CACHE.size() > 10000) {
            CACHE.clear();
        }
        CACHE.put(key, p);
        return p;
    }

    /** Exim's expansion message for a bad pattern. */
    public static ExpansionException expansionError(String pattern, RegexError e) {
        return new ExpansionException("regular expression error in \"" + pattern + "\": " + e.getMessage()
                + " at offset " + e.offset());
    }

    private static String javaMessage(PatternSyntaxException e) {
        String d = e.getDescription();
        if (d.startsWith("Dangling meta character")) {
            return "quantifier does not follow a repeatable item";
        }
        if (d.startsWith("Unclosed group")) {
            return "missing closing parenthesis";
        }
        if (d.startsWith("Unclosed character class")) {
            return "missing terminating ] for character class";
        }
        if (d.startsWith("Illegal character range")) {
            return "range out of order in character class";
        }
        if (d.startsWith("Illegal repetition range")) {
            return "numbers out of order in {} quantifier";
        }
        return d;
    }
}
