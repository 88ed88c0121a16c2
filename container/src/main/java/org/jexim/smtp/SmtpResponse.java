package org.jexim.smtp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exim's smtp_message_code() and smtp_respond(): a user message may start with its own code
 * (and an enhanced status code, repeated on each line), used when its first digit is the
 * default's; a multi-line text loses the white space after each newline and a final newline;
 * with {@code control = no_multiline_responses} only the first line is sent.
 */
final class SmtpResponse {
    private static final Pattern CODE = Pattern.compile("^(\\d\\d\\d)\\s(\\d\\.\\d\\d?\\d?\\.\\d\\d?\\d?\\s)?");

    private SmtpResponse() {
    }

    /** The reply for {@code message} with default {@code code}; {@code checkValid} false for VRFY (any code goes). */
    static SmtpReply of(String code, String message, boolean checkValid, boolean noMultiline) {
        String c = code;
        String esc = "";
        String msg = message;
        Matcher m = CODE.matcher(msg);
        if (m.find()) {
            if (!checkValid || msg.charAt(0) == code.charAt(0)) {
                c = m.group(1);
                esc = m.group(2) == null ? "" : m.group(2);
            }
            msg = msg.substring(m.end());
        }
        return SmtpReply.of(c, lines(esc, msg, noMultiline));
    }

    /** The text lines as smtp_respond() sends them, each with the enhanced code. */
    static String lines(String esc, String message, boolean noMultiline) {
        StringBuilder out = new StringBuilder();
        String msg = message;
        for (;;) {
            int nl = msg.indexOf('\n');
            if (nl < 0) {
                out.append(esc).append(msg);
                return out.toString();
            }
            if (nl == msg.length() - 1 || noMultiline) {
                out.append(esc).append(msg, 0, nl);
                return out.toString();
            }
            out.append(esc).append(msg, 0, nl).append('\n');
            msg = msg.substring(nl + 1).replaceFirst("^\\s+", "");
        }
    }
}
