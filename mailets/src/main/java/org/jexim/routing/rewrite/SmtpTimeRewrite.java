package org.jexim.routing.rewrite;

import java.util.Locale;

import org.jexim.runtime.JeximRuntime;

/**
 * Exim's S rewrite rules, applied as smtp_in.c applies them: to the data of a MAIL or RCPT command
 * (the address with any angle brackets, after the ESMTP parameters are set apart) as soon as the
 * command arrives, before its syntax is checked and before any ACL sees it. The SMTP server's
 * MAIL and RCPT handlers and the -bh/-bs sessions call it.
 */
public final class SmtpTimeRewrite {
    private final Rewriter rewriter;

    public SmtpTimeRewrite(Rewriter rewriter) {
        this.rewriter = rewriter;
    }

    public static SmtpTimeRewrite of(JeximRuntime runtime) {
        return new SmtpTimeRewrite(RuntimeRewriter.of(runtime));
    }

    /** {@code FROM:<a@b> SIZE=10} with the sender's S rules applied; unchanged when no rule matches. */
    public String mailArgument(String argument) {
        return argument(argument, "FROM:", true);
    }

    /** {@code TO:<a@b> NOTIFY=NEVER} with the recipient's S rules applied. */
    public String rcptArgument(String argument) {
        return argument(argument, "TO:", false);
    }

    private String argument(String argument, String keyword, boolean sender) {
        if (argument == null || !argument.toUpperCase(Locale.ROOT).startsWith(keyword)) {
            return argument;
        }
        int start = keyword.length();
        while (start < argument.length() && argument.charAt(start) == ' ') {
            start++;
        }
        int end;
        if (argument.startsWith("<", start)) {
            int close = argument.indexOf('>', start);
            end = close < 0 ? argument.length() : close + 1;
        } else {
            int space = argument.indexOf(' ', start);
            end = space < 0 ? argument.length() : space;
        }
        String data = argument.substring(start, end);
        if (data.isEmpty() || data.equals("<>")) {
            return argument;
        }
        Rewriter.Result r = rewriter.rewriteSmtp(data, sender);
        if (!r.changed()) {
            return argument;
        }
        // Exim's parser takes the new address with or without brackets; the server's wants them
        String value = r.value().startsWith("<") ? r.value() : "<" + r.value() + ">";
        return argument.substring(0, start) + value + argument.substring(end);
    }
}
