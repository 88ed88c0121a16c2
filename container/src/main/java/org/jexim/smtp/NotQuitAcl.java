package org.jexim.smtp;

import javax.inject.Inject;
import org.apache.james.protocols.api.handler.DisconnectHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.QuitHook;
import org.jexim.runtime.JeximRuntime;

/**
 * Runs acl_smtp_notquit when a connection ends other than by QUIT, with $smtp_notquit_reason
 * as Exim sets it (connection-lost, acl-drop, bad-commands); nothing is sent to the client.
 * Always in the chain through {@link EximHandlers}; it does nothing when the option is unset.
 */
public final class NotQuitAcl implements DisconnectHandler<SMTPSession>, QuitHook {
    private final JeximRuntime runtime;
    private final AclCommands commands;

    @Inject
    public NotQuitAcl(JeximRuntime runtime) {
        this.runtime = runtime;
        this.commands = new AclCommands(runtime, new AclGate(runtime));
    }

    @Override
    public HookResult doQuit(SMTPSession session) {
        JamesSessions.of(session, runtime, null).ending("QUIT");
        return HookResult.DECLINED;
    }

    @Override
    public void onDisconnect(SMTPSession session) {
        SessionState state = JamesSessions.of(session, runtime, null);
        String reason = state.endReason().orElse("connection-lost");
        if (!reason.equals("QUIT")) {
            commands.notQuit(state, reason);
        }
    }
}
