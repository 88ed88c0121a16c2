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

    /**
     * A hook result carrying a reply of several lines where James builds the response from the
     * result alone (the message hooks at the end of DATA): James writes "CODE DESCRIPTION", so
     * the continuation lines go before the code ("550-line\r\n550") and the last line is the
     * description.
     */
    static org.apache.james.protocols.smtp.hook.HookResult messageHookResult(
            org.apache.james.protocols.smtp.hook.HookReturnCode code, SmtpReply reply) {
        List<String> wire = reply.wireLines();
        StringBuilder retCode = new StringBuilder();
        for (int i = 0; i < wire.size() - 1; i++) {
            retCode.append(wire.get(i)).append("\r\n");
        }
        retCode.append(reply.code());
        List<String> lines = reply.textLines();
        return org.apache.james.protocols.smtp.hook.HookResult.builder().hookReturnCode(code)
                .smtpReturnCode(retCode.toString()).smtpDescription(lines.get(lines.size() - 1)).build();
    }

    /** The text of a one-line James response, without its code. */
    static String text(Response response) {
        List<CharSequence> lines = response.getLines();
        String first = lines.isEmpty() ? "" : lines.get(0).toString();
        return first.length() > 4 ? first.substring(4) : "";
    }
}
