package org.jexim.smtp;

import javax.inject.Inject;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HeloHook;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.jexim.runtime.JeximRuntime;

/**
 * Runs acl_smtp_helo at HELO and EHLO. Written by the translator:
 * <pre>{@code
 * <handler class="org.jexim.smtp.HeloAcl"><acl>acl_check_helo</acl></handler>
 * }</pre>
 */
public final class HeloAcl extends AclHook implements HeloHook {
    @Inject
    public HeloAcl(JeximRuntime runtime) {
        super(runtime);
    }

    @Override
    public HookResult doHelo(SMTPSession session, String helo) {
        return decide(session, null, null, Stage.HELO);
    }
}
