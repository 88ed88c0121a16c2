package org.jexim.smtp;

import org.jexim.log.SmtpConnectionLog;
import org.jexim.smtp.wire.InputState;

import javax.inject.Inject;
import org.apache.james.protocols.api.handler.DisconnectHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.QuitHook;
import org.jexim.runtime.JeximRuntime;

/**
 * Runs acl_smtp_notquit when a connection ends other than by QUIT, with $smtp_notquit_reason
 * as Exim sets it (connection-lost, acl-drop, bad-commands); nothing is sent to the client. Writes the
 * connection's closing log lines ({@link SmtpConnectionLog}: closed by QUIT, lost, no MAIL).
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
        SessionState state = JamesSessions.of(session, runtime, null);
        state.ending("QUIT");
        SmtpConnectionLog log = SmtpConnectionLog.main();
        log.incompleteTransaction(state.peer(), "QUIT", state.sender(), state.recipients());
        log.closedByQuit(state.peer());
        return HookResult.DECLINED;
    }

    @Override
    public void onDisconnect(SMTPSession session) {
        SessionState state = JamesSessions.of(session, runtime, null);
        String reason = state.endReason().orElse("connection-lost");
        InputState input = InputState.of(session);
        if (reason.equals("connection-lost")) {
            lost(state, input);
        }
        if (!reason.equals("QUIT")) {
            commands.notQuit(state, reason);
        }
        state.logNoMail(input.commandHistory());
    }

    /** The log lines of a connection that ended where Exim expected more input. */
    private static void lost(SessionState state, InputState input) {
        SmtpConnectionLog log = SmtpConnectionLog.main();
        if (input.readingMessage()) {
            log.lostReadingData(state.peer(), input.dataProgress());
            return;
        }
        log.incompleteTransaction(state.peer(), "connection lost", state.sender(), state.recipients());
        log.lostReadingCommand(state.peer(), state.started(), state.sender() != null || !state.recipients().isEmpty());
    }
}
