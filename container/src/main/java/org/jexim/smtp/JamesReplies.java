package org.jexim.smtp;

import java.util.List;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;

/** Converts an {@link SmtpReply} into James's response, continuation lines included. */
final class JamesReplies {
    private JamesReplies() {
    }

    static SMTPResponse response(SmtpReply reply) {
        List<String> lines = reply.textLines();
        SMTPResponse response = new SMTPResponse(reply.code(), lines.get(0));
        lines.stream().skip(1).forEach(response::appendLine);
        response.setEndSession(reply.closes());
        return response;
    }

    /** The text of a one-line James response, without its code. */
    static String text(Response response) {
        List<CharSequence> lines = response.getLines();
        String first = lines.isEmpty() ? "" : lines.get(0).toString();
        return first.length() > 4 ? first.substring(4) : "";
    }
}
