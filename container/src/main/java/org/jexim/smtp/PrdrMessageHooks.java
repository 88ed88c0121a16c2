package org.jexim.smtp;

import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.james.core.MailAddress;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSessionImpl;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.smtpserver.DataLineJamesMessageHookHandler;
import org.apache.mailet.Mail;
import org.jexim.runtime.JeximRuntime;

/**
 * James's end of DATA with Exim's PRDR in front of the message hooks: when MAIL asked for PRDR and
 * the message has more than one recipient, {@link Prdr} answers 353 and each recipient on the wire,
 * the refused ones leave the message (and the DATA ACL's $recipients), and Prdr's final reply
 * replaces "250 OK id=" when the hooks accept. {@link EximHandlers} puts it in place of
 * DataLineJamesMessageHookHandler.
 */
public final class PrdrMessageHooks extends DataLineJamesMessageHookHandler {
    private final JeximRuntime runtime;
    private final AclGate gate;

    @Inject
    public PrdrMessageHooks(JeximRuntime runtime) {
        this.runtime = runtime;
        this.gate = new AclGate(runtime);
    }

    @Override
    protected SMTPResponse executeJamesMessageHooks(SMTPSession session, Mail mail) {
        SessionState state = JamesSessions.of(session, runtime, null);
        if (!Prdr.applies(PrdrTransaction.requested(session), state)) {
            return super.executeJamesMessageHooks(session, mail);
        }
        String id = EximReceivedHeader.messageId(session);
        state.message(JamesMessages.of(mail));
        state.messageId(id);
        SmtpReply last = new Prdr(runtime, gate).run(state, id, reply -> write(session, reply));
        List<MailAddress> kept = mail.getRecipients().stream()
                .filter(r -> state.recipients().contains(r.asString())).collect(Collectors.toList());
        mail.setRecipients(kept);
        // the DATA ACL and the spool read the recipients from James's list
        session.setAttachment(SMTPSession.RCPT_LIST, kept, ProtocolSession.State.Transaction);
        if (kept.isEmpty()) {
            EximReceivedHeader.forgetMessageId(session);
            state.reset();
            return JamesReplies.response(last); // rejected for all: no DATA ACL, no arrival
        }
        PrdrTransaction.markRan(session);
        SMTPResponse response = super.executeJamesMessageHooks(session, mail);
        return response != null && "250".equals(response.getRetCode()) ? JamesReplies.response(last) : response;
    }

    private static void write(SMTPSession session, SmtpReply reply) {
        ((ProtocolSessionImpl) session).getProtocolTransport().writeResponse(JamesReplies.response(reply), session);
    }
}
