package org.jexim.smtp;

import javax.inject.Inject;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.ConnectHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.jexim.runtime.JeximRuntime;

/**
 * Runs acl_smtp_connect when a client connects; a refusal is sent instead of the banner and
 * the connection is closed. Written by the translator:
 * <pre>{@code
 * <handler class="org.jexim.smtp.ConnectAcl"><acl>acl_check_connect</acl></handler>
 * }</pre>
 */
public final class ConnectAcl extends AclHook implements ConnectHandler<SMTPSession> {
    @Inject
    public ConnectAcl(JeximRuntime runtime) {
        super(runtime);
    }

    @Override
    public Response onConnect(SMTPSession session) {
        HookResult result = decide(session, null, null, Stage.CONNECT);
        if (result.getResult().getAction() == HookReturnCode.Action.DECLINED) {
            return null;
        }
        SMTPResponse response = new SMTPResponse(result.getSmtpRetCode(), result.getSmtpDescription());
        response.setEndSession(true);
        return response;
    }
}
