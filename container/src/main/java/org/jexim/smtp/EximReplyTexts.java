package org.jexim.smtp;

import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.api.handler.ProtocolHandlerResultHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.DataCmdHandler;
import org.apache.james.protocols.smtp.core.HeloCmdHandler;
import org.apache.james.protocols.smtp.core.MailCmdHandler;
import org.apache.james.protocols.smtp.core.NoopCmdHandler;
import org.apache.james.protocols.smtp.core.QuitCmdHandler;
import org.apache.james.protocols.smtp.core.RcptCmdHandler;
import org.apache.james.protocols.smtp.core.RsetCmdHandler;
import org.apache.james.protocols.smtp.core.UnknownCmdHandler;
import org.apache.james.protocols.smtp.core.esmtp.EhloCmdHandler;
import org.jexim.runtime.JeximRuntime;

/**
 * Words James's command replies as Exim does: James decides (sequence, syntax, hooks), and this
 * result handler replaces the texts of its defaults (recognised by their enhanced status code,
 * which Exim never sends) with Exim's, and splits multi-line ACL messages into continuation
 * lines. Replies that hooks already worded as Exim pass through unchanged.
 */
public final class EximReplyTexts implements ProtocolHandlerResultHandler<Response, SMTPSession> {
    private static final Pattern JAMES_DEFAULT = Pattern.compile("^[245]\\.[0-9]{1,3}\\.[0-9]{1,3} .*");

    private static final SmtpReply SENDER_ALREADY_GIVEN = SmtpReply.of("503", "sender already given");
    private static final SmtpReply TOO_BIG = SmtpReply.of("552", "Message size exceeds maximum permitted");

    private final JeximRuntime runtime;
    private final EximTexts texts;

    @Inject
    public EximReplyTexts(JeximRuntime runtime) {
        this.runtime = runtime;
        this.texts = new EximTexts(runtime);
    }

    @Override
    public Response onResponse(ProtocolSession session, Response response, long executionTime, ProtocolHandler handler) {
        Response worded = word(session, response, handler);
        if (worded != null && handler instanceof RcptCmdHandler) {
            // DATA and BDAT without recipients quote the RCPT reply when all were the same
            String first = worded.getLines().isEmpty() ? "" : worded.getLines().get(0).toString();
            NoRecipients.rcptAnswered(session, SmtpReply.of(worded.getRetCode(), first.length() > 4 ? first.substring(4) : ""));
        }
        return worded;
    }

    private Response word(ProtocolSession session, Response response, ProtocolHandler handler) {
        if (response == null) {
            return null;
        }
        String code = response.getRetCode();
        java.util.Optional<SmtpReply> accepted = JamesSessions.takeAcceptReply(session);
        if (accepted.isPresent() && code.startsWith("2")) {
            return JamesReplies.response(accepted.get());
        }
        if (handler instanceof EhloCmdHandler && code.equals("250")) {
            // James lists its own extensions; Exim's list follows the options
            return JamesReplies.response(hello((SMTPSession) session, true));
        }
        if (response.getLines().size() != 1) {
            return response;
        }
        String text = JamesReplies.text(response);
        SmtpReply exim = null;
        if (text.contains("\n")) {
            exim = SmtpReply.of(code, text);
        } else if (handler instanceof HeloCmdHandler && code.equals("250")) {
            exim = hello((SMTPSession) session, false);
        } else if (JAMES_DEFAULT.matcher(text).matches() || handler instanceof UnknownCmdHandler
                || (handler instanceof DataCmdHandler && code.equals("354"))) {
            exim = eximDefault(handler, code, text);
            if (exim == EximTexts.NO_RECIPIENTS) {
                exim = NoRecipients.reply(session, runtime, JamesSessions.of((SMTPSession) session, runtime, null), "DATA");
            }
            if (exim == EximTexts.UNRECOGNIZED) {
                exim = ProtocolErrors.unrecognized(session, runtime);
            } else if (exim == SENDER_ALREADY_GIVEN) {
                exim = ProtocolErrors.counted(session, runtime, exim);
            } else if (exim == EximTexts.NO_SENDER && !afterRefusedMail((SMTPSession) session)) {
                exim = ProtocolErrors.counted(session, runtime, exim);
            }
        }
        if (exim == EximTexts.MAIL_OK && PrdrTransaction.requested(session)) {
            exim = EximTexts.MAIL_OK_PRDR; // smtp_in.c adds this to its own "250 OK" only
        }
        if (exim == null) {
            return response;
        }
        SmtpReply reply = response.isEndSession() ? exim.closing() : exim;
        return JamesReplies.response(reply);
    }

    /**
     * Exim does not count "503 sender not yet given" as a protocol error when pipelining was offered and the
     * MAIL before was refused (the client sent its RCPTs behind it); here: the command before was MAIL.
     */
    private boolean afterRefusedMail(SMTPSession session) {
        return JamesSessions.of(session, runtime, null).pipeliningAdvertised()
                && org.jexim.smtp.wire.InputState.of(session).previousCommand().regionMatches(true, 0, "MAIL", 0, 4);
    }

    private SmtpReply hello(SMTPSession session, boolean extended) {
        SessionState state = JamesSessions.of(session, runtime, null);
        return texts.hello(state, extended);
    }

    /** Exim's text for a reply James worded itself; null to leave it as it is. */
    private SmtpReply eximDefault(ProtocolHandler handler, String code, String text) {
        if (code.equals("552")) {
            // message_size_limit, whether SIZE= at MAIL or the data at the final dot passed it
            return TOO_BIG;
        }
        if (handler instanceof UnknownCmdHandler && code.equals("500")) {
            return EximTexts.UNRECOGNIZED;
        }
        if (handler instanceof MailCmdHandler) {
            return code.equals("250") ? EximTexts.MAIL_OK
                    : code.equals("503") && text.contains("already") ? SENDER_ALREADY_GIVEN : null;
        }
        if (handler instanceof RcptCmdHandler) {
            return code.equals("250") ? EximTexts.RCPT_OK : code.equals("503") ? EximTexts.NO_SENDER : null;
        }
        if (handler instanceof DataCmdHandler) {
            return code.equals("354") ? EximTexts.DATA_GO
                    : code.equals("503") && text.contains("recipient") ? EximTexts.NO_RECIPIENTS
                    : code.equals("503") ? SmtpReply.of("503", "MAIL command must precede DATA") : null;
        }
        if (handler instanceof QuitCmdHandler && code.equals("221")) {
            return texts.closing();
        }
        if (handler instanceof RsetCmdHandler && code.equals("250")) {
            return EximTexts.RESET;
        }
        if (handler instanceof NoopCmdHandler && code.equals("250")) {
            return EximTexts.NOOP;
        }
        return null;
    }
}
