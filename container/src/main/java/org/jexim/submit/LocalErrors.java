package org.jexim.submit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What happens to a local submission that fails (receive.c give_local_error, moan.c): with
 * -oep/-oeq a line on stderr; with -oem/-oew (the default) and -oee a report mailed to the sender,
 * with a copy of the message; the exit status is 1, or 0 for -oee once the report is spooled.
 */
final class LocalErrors {
    /** The failures a local submission reports. */
    enum Kind { NO_RECIPIENTS, ALL_OVERRIDDEN, ACL }

    private final SubmitRequest.ErrorMode mode;
    private final PrintStream err;
    private final String sender;
    private final String dsnFrom;

    LocalErrors(SubmitRequest.ErrorMode mode, PrintStream err, String sender, String dsnFrom) {
        this.mode = mode;
        this.err = err;
        this.sender = sender;
        this.dsnFrom = dsnFrom;
    }

    LocalSubmission.Outcome fail(Kind kind, Optional<String> userMessage, HeaderSection headers, byte[] body,
                                 LocalSubmission submission) throws IOException {
        if (mode == SubmitRequest.ErrorMode.STDERR || sender.isEmpty()) {
            err.println("exim: " + stderrText(kind, userMessage));
            return new LocalSubmission.Outcome(1, Optional.empty());
        }
        String cause = headers.first("Message-Id").map(HeaderSection::valueOf).map(String::strip).orElse("");
        String causeId = cause.startsWith("<E") && cause.contains("@") ? cause.substring(2, cause.indexOf('@')) : "";
        StringBuilder report = new StringBuilder();
        report.append("Auto-Submitted: auto-replied\n");
        report.append("From: ").append(dsnFrom).append('\n');
        report.append("To: ").append(sender).append('\n');
        if (!cause.isEmpty()) {
            report.append("References: ").append(cause).append('\n');
        }
        report.append(text(kind, userMessage));
        report.append("\n------ This is a copy of your message, including all the headers. ------\n\n");
        headers.fields().forEach(report::append);
        report.append('\n');
        report.append(new String(body, StandardCharsets.ISO_8859_1));
        LocalSubmission.Outcome sent = submission.submitGenerated(report.toString(), causeId);
        boolean zero = mode == SubmitRequest.ErrorMode.MAIL_EXIT_ZERO && sent.status() == 0;
        return new LocalSubmission.Outcome(zero ? 0 : 1, Optional.empty());
    }

    private static String stderrText(Kind kind, Optional<String> userMessage) {
        return switch (kind) {
            case NO_RECIPIENTS -> "no recipients in message";
            case ALL_OVERRIDDEN -> "all -t recipients overridden by command line";
            case ACL -> "message rejected by non-SMTP ACL: " + userMessage.orElse("local configuration problem");
        };
    }

    /** The Subject: line, the blank line and the explanation moan.c writes for each kind. */
    private static String text(Kind kind, Optional<String> userMessage) {
        return switch (kind) {
            case NO_RECIPIENTS -> "Subject: Mail failure - no recipient addresses\n\n"
                + "A message that you sent contained no recipient addresses, and therefore no\n"
                + "delivery could be attempted.\n";
            case ALL_OVERRIDDEN -> "Subject: Mail failure - no recipient addresses\n\n"
                + "A message that you sent using the -t command line option contained no\n"
                + "addresses that were not also on the command line, and were therefore\n"
                + "suppressed. This left no recipient addresses, and so no delivery could\n"
                + "be attempted.\n";
            case ACL -> "Subject: Mail failure - rejected by local scanning code\n\n"
                + "A message that you sent was rejected by the local scanning code that\n"
                + "checks incoming messages on this system."
                + userMessage.map(m -> " The following error was given:\n\n  " + m).orElse("") + "\n";
        };
    }
}
