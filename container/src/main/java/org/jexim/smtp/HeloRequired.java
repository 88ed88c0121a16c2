package org.jexim.smtp;

import javax.inject.Inject;
import org.apache.james.core.MailAddress;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.jexim.runtime.JeximRuntime;

/**
 * Exim 4.95+'s hosts_require_helo (default {@code *}): MAIL before HELO/EHLO gets
 * {@code 503 HELO or EHLO required}, before the MAIL ACL runs. The translator puts it first in
 * the handler chain:
 * <pre>{@code
 * <handler class="org.jexim.smtp.HeloRequired"/>
 * }</pre>
 */
public final class HeloRequired implements MailHook {
    static final SmtpReply REPLY = SmtpReply.of("503", "HELO or EHLO required");

    private final JeximRuntime runtime;

    @Inject
    public HeloRequired(JeximRuntime runtime) {
        this.runtime = runtime;
    }

    /** True when this client must greet first and has not. */
    static boolean refuses(JeximRuntime runtime, SessionState session) {
        return session.helo() == null && AuthAdvertising.hostIn(runtime, "hosts_require_helo", "*", session.ip());
    }

    @Override
    public HookResult doMail(SMTPSession session, org.apache.james.core.MaybeSender sender) {
        if (!refuses(runtime, JamesSessions.of(session, runtime, null))) {
            return HookResult.DECLINED;
        }
        return HookResult.builder().hookReturnCode(HookReturnCode.deny()).smtpReturnCode(REPLY.code())
                .smtpDescription(REPLY.text()).build();
    }
}
