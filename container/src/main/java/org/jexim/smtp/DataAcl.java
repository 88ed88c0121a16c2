package org.jexim.smtp;

import javax.inject.Inject;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.jexim.runtime.JeximRuntime;

/**
 * Runs acl_smtp_data once the message is received and before the final reply, so a refusal
 * is a 5xx to the client, never a bounce; on accept James queues the message and answers.
 * Written by the translator:
 * <pre>{@code
 * <handler class="org.jexim.smtp.DataAcl"><acl>acl_check_data</acl></handler>
 * }</pre>
 */
public final class DataAcl extends AclHook implements JamesMessageHook {
    @Inject
    public DataAcl(JeximRuntime runtime) {
        super(runtime);
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        SessionState state = JamesSessions.of(session, runtime(), null);
        state.message(JamesMessages.of(mail));
        state.messageId(EximReceivedHeader.messageId(session));
        HookResult result = decide(session, mail.getMaybeSender().asString(""), null, Stage.DATA);
        if (result.getResult() == org.apache.james.protocols.smtp.hook.HookReturnCode.declined()
                || result.getResult().getAction() == org.apache.james.protocols.smtp.hook.HookReturnCode.Action.DECLINED) {
            try {
                // add_header / remove_header of the ACLs reach the queued message, as in Exim
                AddedHeaders.apply(state.effects(), mail.getMessage());
            } catch (javax.mail.MessagingException e) {
                return HookResult.builder().hookReturnCode(org.apache.james.protocols.smtp.hook.HookReturnCode.denySoft())
                        .smtpReturnCode("451").smtpDescription("Temporary local problem - please try later").build();
            }
        }
        return result;
    }
}
