package org.jexim.filter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exim's reading of the size test's limit: digits with an optional K, M or G (upper case only); any other letter
 * after them ends the number, and Exim then wants the if's block ("missing block in line 2").
 * jSieve accepts such a limit. Strings and comments are not told apart here: a text that looks
 * like a size test inside them is read as one.
 */
final class SieveSizeLimits {
    private static final Pattern SIZE = Pattern.compile("\\bsize\\s+:(?:over|under)\\s+\\d+([A-Za-z])");

    private SieveSizeLimits() {
    }

    /** The error at the first limit with a letter that is not a quantifier; null when none. */
    static SieveRequires.Missing check(String script) {
        Matcher m = SIZE.matcher(script);
        while (m.find()) {
            if ("KMG".indexOf(m.group(1).charAt(0)) < 0) {
                int line = (int) script.substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
                return new SieveRequires.Missing(line, "missing block in line " + line);
            }
        }
        return null;
    }
}
