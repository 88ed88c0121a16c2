package org.jexim.smtp;

import java.util.Locale;
import org.apache.james.protocols.api.ProtocolSession;
import org.jexim.runtime.JeximRuntime;
import org.jexim.smtp.wire.InputState;

/**
 * Exim's reply to DATA or BDAT without an accepted recipient (smtp_in.c DATA_BDAT): when every
 * RCPT of the transaction got the same reply, {@code 503-All RCPT commands were rejected with
 * this error:} and that reply's text come first; then {@code 503 Valid RCPT command must precede
 * DATA} when PIPELINING was offered and the previous command was a RCPT, otherwise
 * {@code 503 valid RCPT command must precede DATA}, which counts as a protocol error.
 */
final class NoRecipients {
    private static final ProtocolSession.AttachmentKey<String[]> FIRST =
            ProtocolSession.AttachmentKey.of("jexim.rcptReply", String[].class);

    private NoRecipients() {
    }

    /** Notes the reply to a RCPT command (Exim's rcpt_smtp_response and rcpt_smtp_response_same). */
    static void rcptAnswered(ProtocolSession session, SmtpReply reply) {
        String text = reply.textLines().get(0);
        String[] first = session.getAttachment(FIRST, ProtocolSession.State.Transaction).orElse(null);
        if (first == null) {
            session.setAttachment(FIRST, new String[] {text, "same"}, ProtocolSession.State.Transaction);
        } else if (!first[0].equals(text)) {
            first[1] = "differ";
        }
    }

    /** The reply to {@code verb} (DATA or BDAT) given without recipients. */
    static SmtpReply reply(ProtocolSession session, JeximRuntime runtime, SessionState state, String verb) {
        StringBuilder text = new StringBuilder();
        session.getAttachment(FIRST, ProtocolSession.State.Transaction).filter(f -> f[1].equals("same"))
                .ifPresent(f -> text.append("All RCPT commands were rejected with this error:\n").append(f[0]).append('\n'));
        boolean afterRcpt = InputState.of(session).previousCommand().toLowerCase(Locale.ROOT).startsWith("rcpt");
        if (state.pipeliningAdvertised() && afterRcpt) {
            return SmtpReply.of("503", text + "Valid RCPT command must precede " + verb);
        }
        return ProtocolErrors.counted(session, runtime, SmtpReply.of("503", text + "valid RCPT command must precede " + verb));
    }
}
