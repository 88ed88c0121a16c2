package org.jexim.smtp;

import java.util.List;
import java.util.stream.Collectors;
import java.util.Optional;
import javax.inject.Inject;
import javax.mail.MessagingException;
import org.apache.commons.configuration2.Configuration;
import org.apache.james.core.MailAddress;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.jexim.log.Arrival;
import org.jexim.log.EximLog;
import org.jexim.queue.EximMessageId;
import org.jexim.runtime.JeximRuntime;

/**
 * Puts an accepted message on the spool under a new Exim message id, writes the main log's
 * {@code <=} line, and answers {@code 250 OK id=ID} as Exim does (in place of James's
 * SendMailHandler); a message that cannot be spooled gets Exim's 451.
 */
public final class EximSpool implements JamesMessageHook {
    private final MailQueueFactory<?> queueFactory;
    private final JeximRuntime runtime;
    private MailQueue queue;

    @Inject
    public EximSpool(MailQueueFactory<?> queueFactory, JeximRuntime runtime) {
        this.queueFactory = queueFactory;
        this.runtime = runtime;
    }

    @Override
    public void init(Configuration config) {
        queue = queueFactory.createQueue(MailQueueFactory.SPOOL);
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        String id = EximMessageId.next();
        SessionState state = JamesSessions.of(session, runtime, null);
        try {
            mail.setName(id);
            // recipients an ACL discarded were answered 250 but are not delivered
            mail.setRecipients(mail.getRecipients().stream()
                    .filter(r -> !state.discarded().contains(r.asString())).collect(Collectors.toList()));
            if (!mail.getRecipients().isEmpty()) {
                queue.enQueue(mail);
            }
        } catch (Exception e) {
            return HookResult.builder().hookReturnCode(HookReturnCode.denySoft()).smtpReturnCode("451")
                    .smtpDescription("Temporary local problem - please try later").build();
        }
        logArrival(session, mail, id);
        SmtpReply reply = EximTexts.queued(id);
        return HookResult.builder().hookReturnCode(HookReturnCode.ok()).smtpReturnCode(reply.code())
                .smtpDescription(reply.text()).build();
    }

    private void logArrival(SMTPSession session, Mail mail, String id) {
        SessionState state = JamesSessions.of(session, runtime, null);
        boolean ehlo = session.getAttachment(SMTPSession.CURRENT_HELO_MODE, ProtocolSession.State.Connection)
                .map("EHLO"::equalsIgnoreCase).orElse(false);
        long size;
        String messageId = null;
        String subject = null;
        try {
            size = mail.getMessageSize();
            messageId = mail.getMessage().getMessageID();
            subject = mail.getMessage().getSubject();
        } catch (MessagingException e) {
            size = 0;
        }
        List<String> recipients = mail.getRecipients().stream().map(MailAddress::asString).toList();
        Arrival arrival = Arrival.smtp(id, mail.getMaybeSender().asString(""), state.peer(), ehlo ? "esmtp" : "smtp", size)
                .withMessageId(messageId).withSubject(subject).withRecipients(recipients);
        EximLog.main().received(arrival);
        Optional.ofNullable(state).ifPresent(SessionState::reset);
    }
}
