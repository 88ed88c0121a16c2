package org.jexim.smtp;

import javax.inject.Inject;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.QuitHook;
import org.jexim.runtime.JeximRuntime;

/**
 * Runs acl_smtp_quit at QUIT; its message words the 221 (its verdict changes nothing, as in
 * Exim). Written by the translator:
 * <pre>{@code
 * <handler class="org.jexim.smtp.QuitAcl"><acl>acl_check_quit</acl></handler>
 * }</pre>
 */
public final class QuitAcl implements QuitHook {
    private final JeximRuntime runtime;
    private final AclCommands commands;

    @Inject
    public QuitAcl(JeximRuntime runtime) {
        this.runtime = runtime;
        this.commands = new AclCommands(runtime, new AclGate(runtime));
    }

    @Override
    public HookResult doQuit(SMTPSession session) {
        SessionState state = JamesSessions.of(session, runtime, null);
        state.command("QUIT");
        SmtpReply reply = commands.quit(state);
        if (reply.text().equals(runtime.primaryHostname() + " closing connection")) {
            return HookResult.DECLINED; // James's QUIT, worded by EximReplyTexts
        }
        // not OK: James would answer an OK with its own core reply; any other action sends ours
        return HookResult.builder().hookReturnCode(HookReturnCode.disconnected(HookReturnCode.Action.DENY))
                .smtpReturnCode(reply.code()).smtpDescription(reply.text()).build();
    }
}
