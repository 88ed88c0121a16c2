package org.jexim.smtp;

import javax.inject.Inject;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.jexim.runtime.JeximRuntime;

/**
 * Runs acl_smtp_mail at each MAIL command. Written by the translator:
 * <pre>{@code
 * <handler class="org.jexim.smtp.MailAcl"><acl>acl_check_mail</acl></handler>
 * }</pre>
 */
public final class MailAcl extends AclHook implements MailHook {
    @Inject
    public MailAcl(JeximRuntime runtime) {
        super(runtime);
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        return decide(session, EnvelopeAddress.exim(sender), null, Stage.MAIL);
    }
}
