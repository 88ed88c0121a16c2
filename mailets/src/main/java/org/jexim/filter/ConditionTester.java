package org.jexim.filter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jexim.conf.expand.AddressParser;
import org.jexim.conf.expand.Pcre;

/** Tests a filter condition (filter.c's test_condition) against the run's state. */
final class ConditionTester {
    private final FilterSetup setup;
    private final FilterState state;
    private final FilterExpander expander;

    ConditionTester(FilterSetup setup, FilterState state, FilterExpander expander) {
        this.setup = setup;
        this.state = state;
        this.expander = expander;
    }

    boolean test(Condition c) throws FilterException {
        boolean yield;
        if (c instanceof Condition.Junction j) {
            yield = j.and() ? test(j.left()) && test(j.right()) : test(j.left()) || test(j.right());
        } else if (c instanceof Condition.Personal p) {
            yield = !setup.permissions().system()
                    && PersonalTest.personal(state.message(), state.address(), p.aliases(), false);
        } else if (c instanceof Condition.Flag f) {
            yield = flag(f.kind());
        } else if (c instanceof Condition.ForAnyAddress f) {
            yield = forAnyAddress(f);
        } else {
            yield = compare((Condition.Compare) c);
        }
        return yield == c.testfor();
    }

    private boolean flag(Condition.FlagKind kind) {
        String id = state.message().messageId();
        boolean hasMessage = id != null && !id.isEmpty();
        return switch (kind) {
            case DELIVERED -> state.delivered;
            case ERROR_MESSAGE -> hasMessage && (state.message().sender() == null || state.message().sender().isEmpty());
            case FIRST_DELIVERY -> setup.testing() || !hasMessage || setup.firstDelivery();
            case MANUALLY_THAWED -> hasMessage && setup.manuallyThawed();
        };
    }

    private boolean forAnyAddress(Condition.ForAnyAddress f) throws FilterException {
        String list = expander.condition(f.list());
        if (list.isEmpty()) {
            return false;
        }
        for (AddressParser.Parsed a : AddressParser.extractAll(list)) {
            if (a == null) {
                continue;
            }
            state.thisAddress(a.address());
            if (test(f.inner())) {
                return true;
            }
        }
        return false;
    }

    private boolean compare(Condition.Compare c) throws FilterException {
        String left = expander.condition(c.left());
        String right = expander.condition(c.right());
        return switch (c.type()) {
            case IS -> left.equalsIgnoreCase(right);
            case IS_CASE -> left.equals(right);
            case CONTAINS -> lower(left).contains(lower(right));
            case CONTAINS_CASE -> left.contains(right);
            case BEGINS -> lower(left).startsWith(lower(right));
            case BEGINS_CASE -> left.startsWith(right);
            case ENDS -> lower(left).endsWith(lower(right));
            case ENDS_CASE -> left.endsWith(right);
            case MATCHES, MATCHES_CASE -> matches(left, right, c.type() == Condition.Comparison.MATCHES);
            case ABOVE -> number(left) > number(right);
            case BELOW -> number(left) < number(right);
        };
    }

    /** Exim compares caselessly byte by byte in ASCII. */
    private static String lower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        }
        return b.toString();
    }

    private boolean matches(String subject, String pattern, boolean caseless) throws FilterException {
        Pattern p;
        try {
            p = Pcre.compile(pattern, caseless);
        } catch (Pcre.RegexError e) {
            throw new FilterException("error while compiling regular expression \"" + pattern + "\": "
                    + e.getMessage() + " at offset " + e.offset());
        }
        Matcher m;
        try {
            m = Pcre.matcher(p, subject);
            if (!m.find()) {
                return false;
            }
        } catch (Pcre.MatchLimitException e) {
            return false;
        }
        String[] captures = new String[m.groupCount() + 1];
        for (int i = 0; i <= m.groupCount(); i++) {
            captures[i] = m.group(i) == null ? "" : m.group(i);
        }
        state.captures(captures);
        return true;
    }

    /** get_number(): an integer (C %i: decimal, 0x hex, 0 octal) with an optional K or M. */
    private static int number(String s) throws FilterException {
        java.util.regex.Matcher m = Pattern.compile("\\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)([kK]?)([mM]?)\\s*")
                .matcher(s);
        if (!m.matches()) {
            throw new FilterException("malformed numerical string \"" + s + "\"");
        }
        String digits = m.group(2);
        long v = digits.startsWith("0x") || digits.startsWith("0X") ? Long.parseLong(digits.substring(2), 16)
                : digits.length() > 1 && digits.startsWith("0") ? Long.parseLong(digits.substring(1), 8)
                : Long.parseLong(digits);
        if (m.group(1).equals("-")) {
            v = -v;
        }
        int value = (int) v;
        if (!m.group(3).isEmpty()) {
            value *= 1024;
        }
        if (!m.group(4).isEmpty()) {
            value *= 1024 * 1024;
        }
        return value;
    }
}
