package org.jexim.scan;

import java.util.LinkedHashMap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The variables a spamd answer sets, formatted exactly as Exim's spam.c does:
 * {@code $spam_score} ("%.1f"), {@code $spam_score_int} (truncated score x 10),
 * {@code $spam_bar} (up to 51 '+' or '-', '/' for a zero score), {@code $spam_report}
 * (CRs dropped, each newline followed by a space, trailing white space cut) and
 * {@code $spam_action} ("reject" or "no action").
 */
public record SpamResult(double score, double threshold, String spamScore, String spamScoreInt, String spamBar,
        String spamReport, String spamAction) {
    /** spam.c's MAX_SPAM_BAR_CHARS; its loop writes one more character than this. */
    private static final int MAX_SPAM_BAR_CHARS = 50;

    public static SpamResult of(SpamdReply reply) {
        double score = reply.score();
        return new SpamResult(score, reply.threshold(), oneDecimal(score),
                Integer.toString((int) ((score + 0.001) * 10)), bar(score), report(reply.report()),
                reply.action() != null ? reply.action() : score >= reply.threshold() ? "reject" : "no action");
    }

    /** Whether the score reached the user's threshold: the condition's value without {@code :true}. */
    public boolean isSpam() {
        return score >= threshold;
    }

    /** glibc's "%.1f": the exact binary value rounded, ties to even (Java's own format rounds ties up). */
    private static String oneDecimal(double score) {
        String s = new BigDecimal(score).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
        return score < 0 && !s.startsWith("-") ? "-" + s : s;
    }

    private static String bar(double score) {
        int j = Math.abs((int) score);
        if (j == 0) {
            return "/";
        }
        return String.valueOf(score > 0 ? '+' : '-').repeat(Math.min(j, MAX_SPAM_BAR_CHARS + 1));
    }

    private static String report(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 64);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                continue;
            }
            out.append(c);
            if (c == '\n') {
                // a header continuation line, for add_header = X-Spam-Report: $spam_report
                out.append(' ');
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) <= ' ') {
            end--;
        }
        return out.substring(0, end);
    }

    /** The expansion variables, by name without the dollar. */
    public Map<String, String> variables() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("spam_score", spamScore);
        vars.put("spam_score_int", spamScoreInt);
        vars.put("spam_bar", spamBar);
        vars.put("spam_report", spamReport);
        vars.put("spam_action", spamAction);
        return vars;
    }
}
