package org.jexim.conf.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.model.RetryRule;
import org.jexim.conf.options.EximStrings;

/** Reads the retry section, as Exim's readconf_retries(). */
final class RetryReader {
    private final LineReader lines;

    RetryReader(LineReader lines) {
        this.lines = lines;
    }

    List<RetryRule> read() throws ConfigurationException {
        List<RetryRule> rules = new ArrayList<>();
        LogicalLine line;
        while ((line = lines.next()) != null) {
            rules.add(parse(line));
        }
        return rules;
    }

    static RetryRule parse(LogicalLine line) throws ConfigurationException {
        String p = line.text();
        EximStrings.Dequoted pattern = EximStrings.dequote(p, 0);
        int i = Ascii.skipSpace(p, pattern.end());
        int errorStart = i;
        while (Ascii.isGraph(Ascii.at(p, i))) {
            i++;
        }
        if (i == errorStart) {
            throw new ConfigurationException(line.last(), "missing error type in retry rule");
        }
        String error = p.substring(errorStart, i);
        String problem = errorProblem(error);
        if (problem != null) {
            throw new ConfigurationException(line.last(), problem);
        }
        i = Ascii.skipSpace(p, i);
        String senders = null;
        if (p.startsWith("senders", i)) {
            i = Ascii.skipSpace(p, i + 7);
            if (Ascii.at(p, i++) != '=') {
                throw new ConfigurationException(line.last(), "\"=\" expected after \"senders\" in retry rule");
            }
            EximStrings.Dequoted q = EximStrings.dequote(p, Ascii.skipSpace(p, i));
            senders = q.value();
            i = q.end();
        }
        i = Ascii.skipSpace(p, i);
        List<RetryRule.Parameters> parameters = new ArrayList<>();
        while (i < p.length()) {
            char algorithm = Character.toUpperCase(p.charAt(i++));
            int[] at = {i};
            long cutoff = argument(line, at, false);
            long interval = 0;
            long factor = 0;
            switch (algorithm) {
                case 'F' -> interval = argument(line, at, false);
                case 'G', 'H' -> {
                    interval = argument(line, at, false);
                    factor = argument(line, at, true);
                }
                default -> throw new ConfigurationException(line.last(), "unknown retry rule letter");
            }
            if (cutoff <= 0 || interval <= 0 || algorithm != 'F' && factor < 1000) {
                throw new ConfigurationException(line.last(), "bad parameters for retry rule");
            }
            parameters.add(new RetryRule.Parameters(algorithm, cutoff, interval, factor / 1000.0));
            i = Ascii.skipSpace(p, at[0]);
            if (Ascii.at(p, i) == ';') {
                i = Ascii.skipSpace(p, i + 1);
            } else if (i < p.length()) {
                throw new ConfigurationException(line.last(), "semicolon expected");
            }
        }
        return new RetryRule(pattern.value(), error, senders, List.copyOf(parameters), line.start());
    }

    /** Exim's retry_arg(): ",value" as a time, or as a fixed-point number times 1000. */
    private static long argument(LogicalLine line, int[] at, boolean fixed) throws ConfigurationException {
        String p = line.text();
        int i = at[0];
        if (Ascii.at(p, i++) != ',') {
            throw new ConfigurationException(line.last(), "comma expected");
        }
        i = Ascii.skipSpace(p, i);
        int start = i;
        while (Ascii.isAlnum(Ascii.at(p, i)) || fixed && Ascii.at(p, i) == '.') {
            i++;
        }
        char c = Ascii.at(p, i);
        if (c != 0 && !Ascii.isSpace(c) && c != ',' && c != ';') {
            throw new ConfigurationException(line.last(), "comma or semicolon expected");
        }
        at[0] = i;
        return fixed ? TimeValues.fixed(p, start, i) : TimeValues.seconds(p, start, i);
    }

    /** Exim's readconf_retry_error(): null when the error name is valid, else the complaint. */
    static String errorProblem(String e) {
        String lower = e.toLowerCase(Locale.ROOT);
        int us = e.indexOf('_');
        String head = us < 0 ? lower : lower.substring(0, us);
        String tail = us < 0 ? null : e.substring(us + 1);
        switch (head) {
            case "quota":
                return tail != null && TimeValues.seconds(tail) < 0 ? "bad time value" : null;
            case "refused":
                if (tail != null && !prefixOf(tail, "MX") && !prefixOf(tail, "A")) {
                    return "A or MX expected after \"refused\"";
                }
                return null;
            case "timeout":
                if (tail != null) {
                    for (String extra : List.of("A", "MX", "connect", "connect_A", "connect_MX", "DNS")) {
                        if (prefixOf(tail, extra)) {
                            return null;
                        }
                    }
                    return "\"A\", \"MX\", or \"connect\" expected after \"timeout\"";
                }
                return null;
            default:
                break;
        }
        if (lower.startsWith("mail_4") || lower.startsWith("rcpt_4") || lower.startsWith("data_4")) {
            boolean bad = e.length() != 8;
            if (!bad) {
                char a = e.charAt(6);
                char b = e.charAt(7);
                bad = Ascii.isDigit(a) ? !(Ascii.isDigit(b) || b == 'x') : a != 'x' || b != 'x';
            }
            return bad ? e.substring(0, 4) + "_4 must be followed by xx, dx, or dd, where x is literal and d is any digit"
                    : null;
        }
        if (head.equals("auth") && tail != null && prefixOf(tail, "failed")) {
            return null;
        }
        if (prefixOf(e, "lost_connection") || prefixOf(e, "tls_required") || prefixOf(e, "lookup")) {
            return null;
        }
        return e.equals("*") ? null : "unknown or malformed retry error \"" + e + "\"";
    }

    /** Exim's strncmpic(text, word, strlen(text)) == 0: text is a case-blind prefix of word. */
    private static boolean prefixOf(String text, String word) {
        return text.length() <= word.length() && word.regionMatches(true, 0, text, 0, text.length());
    }
}
