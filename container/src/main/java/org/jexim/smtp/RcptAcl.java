package org.jexim.smtp;

import javax.inject.Inject;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.jexim.runtime.JeximRuntime;

/**
 * Runs acl_smtp_rcpt at each RCPT command: {@code 250 Accepted}, or the ACL's refusal
 * ({@code 550 relay not permitted}). Written by the translator before James's core handlers:
 * <pre>{@code
 * <handler class="org.jexim.smtp.RcptAcl"><acl>acl_check_rcpt</acl></handler>
 * }</pre>
 */
public final class RcptAcl extends AclHook implements RcptHook {
    @Inject
    public RcptAcl(JeximRuntime runtime) {
        super(runtime);
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        return decide(session, EnvelopeAddress.exim(sender), EnvelopeAddress.exim(rcpt), Stage.RCPT);
    }
}
