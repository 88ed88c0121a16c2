package org.jexim.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The NAME=VALUE options after the address of MAIL or RCPT, taken from the right as smtp_in.c's
 * extract_option takes them: those it knows here are removed; the first it does not know stops
 * the scan and stays with the address, which then fails as malformed, with parse.c's text
 * ("FOO=bar may not follow &lt;a@b&gt; ", the rest cut at 32 characters).
 *
 * @param data the command's data without the options taken (Exim's smtp_cmd_data after extract_option)
 * @param options the options taken, rightmost first (names upper-cased, values as given)
 * @param malformed the 501 text when something is left after the address
 */
record SmtpParameters(String data, List<Option> options, Optional<String> malformed) {
    /** One NAME=VALUE option. */
    record Option(String name, String value) {
    }

    /** The options that are a bare keyword (no value): "SMTPUTF8=x" is not one of them. */
    private static final Set<String> KEYWORDS = Set.of("SMTPUTF8", "PRDR");

    /** The options of {@code data} (the command's argument after "FROM:" or "TO:"), of which {@code known} are taken. */
    static SmtpParameters parse(String data, Set<String> known) {
        String rest = data.strip();
        List<Option> options = new ArrayList<>();
        while (true) {
            int space = lastSpace(rest);
            if (space < 0) {
                break;
            }
            String word = rest.substring(space + 1);
            int eq = word.indexOf('=');
            String name = (eq < 0 ? word : word.substring(0, eq)).toUpperCase(Locale.ROOT);
            if (!known.contains(name) || (eq < 0) != KEYWORDS.contains(name) || eq == 0) {
                break;
            }
            options.add(new Option(name, eq < 0 ? "" : word.substring(eq + 1)));
            rest = rest.substring(0, space).stripTrailing();
        }
        int end = addressEnd(rest);
        if (end >= rest.length()) {
            return new SmtpParameters(rest, options, Optional.empty());
        }
        String tail = rest.substring(end).stripLeading();
        String mailbox = rest.substring(0, rest.length() - tail.length());
        return new SmtpParameters(rest, options, Optional.of(rest + ": malformed address: "
                + (tail.length() > 32 ? tail.substring(0, 32) : tail) + " may not follow " + mailbox));
    }

    /** The value of the named option, if it was given. */
    Optional<String> value(String name) {
        return options.stream().filter(o -> o.name().equals(name)).map(Option::value).findFirst();
    }

    private static int lastSpace(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return s.indexOf('>') > i ? -1 : i;
            }
        }
        return -1;
    }

    /** Where the address ends: after its closing '>', or at the first white space. */
    private static int addressEnd(String s) {
        if (s.startsWith("<")) {
            int close = s.indexOf('>');
            return close < 0 ? s.length() : close + 1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return s.length();
    }
}
