package org.jexim.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;

/**
 * appendfile's {@code quota_warn_threshold} and {@code quota_warn_message}, as Exim 4.96 has
 * them: a threshold in bytes, or a percentage of {@code quota} (ignored without a quota); a
 * delivery that takes the mailbox from at most the threshold to above it sends the warning,
 * which gets Auto-Submitted:, a From: (dsn_from) unless it has one and a Reply-To:
 * (errors_reply_to) unless it has one, and goes to the addresses of its own To:/Cc:/Bcc: lines.
 */
final class QuotaWarning {
    /** Exim's default quota_warn_message (appendfile.c; the spec's text lacks "(Exim)"). */
    static final String DEFAULT_MESSAGE = "To: $local_part@$domain\n"
            + "Subject: Your mailbox\n\n"
            + "This message is automatically created by mail delivery software (Exim).\n\n"
            + "The size of your mailbox has exceeded a warning threshold that is\n"
            + "set by the system administrator.\n";
    static final String DEFAULT_DSN_FROM = DsnFrom.DEFAULT;

    private final long threshold;

    private QuotaWarning(long threshold) {
        this.threshold = threshold;
    }

    /** The warning threshold of a delivery, or null when none applies (unset, zero, a percentage without quota). */
    static QuotaWarning of(TransportOptions options, long quota, TransportVariables vars) throws ExpansionException {
        String text = options.string("quota_warn_threshold");
        if (text == null) {
            return null;
        }
        String value = Expander.expand(text, vars).strip();
        long threshold;
        if (value.endsWith("%")) {
            double percent = Double.parseDouble(value.substring(0, value.length() - 1).strip());
            if (percent > 100) {
                throw new ExpansionException("Invalid quota_warn_threshold percentage (" + (int) percent + ")");
            }
            if (quota <= 0) {
                return null;
            }
            threshold = (long) (quota * percent / 100);
        } else {
            threshold = Sizes.parse(value);
        }
        return threshold > 0 ? new QuotaWarning(threshold) : null;
    }

    /** Whether writing {@code written} bytes to a mailbox of {@code before} bytes crossed the threshold. */
    boolean crossed(long before, long written) {
        return before <= threshold && before + written > threshold;
    }

    /** The warning as Exim's deliver.c writes it to its -t child (LF lines). */
    static String message(TransportOptions options, TransportVariables vars) throws ExpansionException {
        String text = Expander.expand(options.string("quota_warn_message", DEFAULT_MESSAGE), vars);
        StringBuilder m = new StringBuilder();
        String replyTo = vars.option("errors_reply_to").orElse(null);
        if (replyTo != null && !replyTo.isBlank() && !containsHeader("Reply-To", text)) {
            m.append("Reply-To: ").append(replyTo.strip()).append('\n');
        }
        m.append("Auto-Submitted: auto-replied\n");
        if (!containsHeader("From", text)) {
            m.append("From: ").append(Expander.expand(vars.option("dsn_from").orElse(DEFAULT_DSN_FROM), vars)).append('\n');
        }
        return m.append(text).toString();
    }

    /** The addresses of the To:, Cc: and Bcc: lines of a message's header (what -t reads). */
    static List<String> recipients(String message) {
        List<String> out = new ArrayList<>();
        int end = message.indexOf("\n\n");
        String head = end < 0 ? message : message.substring(0, end + 1);
        for (String field : head.split("\n(?![ \t])")) {
            int colon = field.indexOf(':');
            String name = colon < 0 ? "" : field.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (name.equals("to") || name.equals("cc") || name.equals("bcc")) {
                for (var p : org.jexim.conf.expand.AddressParser.extractAll(field.substring(colon + 1))) {
                    if (p != null && !p.address().isEmpty()) {
                        out.add(p.address());
                    }
                }
            }
        }
        return out;
    }

    /** deliver.c's contains_header(): a line of the text that starts with the name, then a colon. */
    private static boolean containsHeader(String name, String text) {
        for (String line : text.split("\n")) {
            if (line.regionMatches(true, 0, name, 0, name.length())
                    && line.substring(name.length()).stripLeading().startsWith(":")) {
                return true;
            }
        }
        return false;
    }
}
