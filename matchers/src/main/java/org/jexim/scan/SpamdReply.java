package org.jexim.scan;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What spamd answered to {@code REPORT}: score, threshold and report text. Parses both forms
 * spam.c accepts: {@code Content-length} then {@code score/threshold}, and the SPAMC/1.2 form
 * {@code Spam: True ; score / threshold} followed by a blank line; and rspamd's answer to
 * {@code CHECK RSPAMC/1.3} ({@code Metric: default; RESULT score / threshold / reject}, then
 * {@code Action:}). {@code action} is rspamd's, null for spamd.
 */
public record SpamdReply(double score, double threshold, String report, String action) {
    private static final Pattern RSPAMD = Pattern.compile(
            "RSPAMD/\\S{1,7} 0 EX_OK\r\nMetric: default; \\S{1,7} ([-+0-9.eE]+) / ([-+0-9.eE]+) / ([-+0-9.eE]+)\r\n");

    public SpamdReply(double score, double threshold, String report) {
        this(score, threshold, report, null);
    }

    /** Parses rspamd's reply, or fails as Exim does ("cannot parse spamd output"). */
    public static SpamdReply parseRspamd(byte[] response) throws ScanException {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        Matcher m = RSPAMD.matcher(text);
        if (!m.lookingAt() || m.end() >= text.length()) {
            throw new ScanException("cannot parse spamd output: " + text.lines().findFirst().orElse(""));
        }
        String rest = text.substring(m.end());
        String action = "";
        if (rest.startsWith("Action: ")) {
            int end = rest.indexOf('\r');
            action = rest.substring("Action: ".length(), end < 0 ? rest.length() : end);
        }
        try {
            return new SpamdReply(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), rest, action);
        } catch (NumberFormatException e) {
            throw new ScanException("cannot parse spamd output: " + text.lines().findFirst().orElse(""));
        }
    }
    private static final Pattern WITH_LENGTH = Pattern.compile(
            "SPAMD/\\S{1,7} 0 EX_OK\r\nContent-length: \\d+\r\n\r\n([-+0-9.eE]+)/([-+0-9.eE]+)\r\n");
    private static final Pattern SPAM_HEADER = Pattern.compile(
            "SPAMD/\\S{1,7} 0 EX_OK\r\nSpam: \\S+ ; ([-+0-9.eE]+) / ([-+0-9.eE]+)\r\n\r\n");

    /** Parses a whole spamd response, or fails as Exim does ("cannot parse spamd output"). */
    public static SpamdReply parse(byte[] response) throws ScanException {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        for (Pattern p : new Pattern[] {WITH_LENGTH, SPAM_HEADER}) {
            Matcher m = p.matcher(text);
            if (m.lookingAt()) {
                try {
                    return new SpamdReply(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                            text.substring(m.end()));
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        throw new ScanException("cannot parse spamd output: " + text.lines().findFirst().orElse(""));
    }
}
