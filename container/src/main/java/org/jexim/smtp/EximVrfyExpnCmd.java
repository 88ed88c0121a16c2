package org.jexim.smtp;

import java.util.List;
import javax.inject.Inject;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jexim.runtime.JeximRuntime;

/**
 * VRFY, EXPN and ETRN as Exim answers them, through {@link AclCommands} (the same code as -bh):
 * acl_smtp_vrfy / _expn / _etrn decide, unset ones refuse. {@link EximHandlers} puts it in place
 * of James's VRFY and EXPN handlers.
 */
public final class EximVrfyExpnCmd implements CommandHandler<SMTPSession> {
    private final JeximRuntime runtime;
    private final AclCommands commands;

    @Inject
    public EximVrfyExpnCmd(JeximRuntime runtime) {
        this.runtime = runtime;
        this.commands = new AclCommands(runtime, new AclGate(runtime));
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        SessionState state = JamesSessions.of(session, runtime, null);
        String argument = request.getArgument() == null ? "" : request.getArgument().strip();
        String command = request.getCommand().toUpperCase(java.util.Locale.ROOT);
        state.command(command + (argument.isEmpty() ? "" : " " + argument));
        SmtpReply reply = switch (command) {
            case "VRFY" -> commands.vrfy(state, argument);
            case "EXPN" -> commands.expn(state, argument);
            default -> commands.etrn(state, argument);
        };
        return JamesReplies.response(reply);
    }

    @Override
    public java.util.Collection<String> getImplCommands() {
        return List.of("VRFY", "EXPN", "ETRN");
    }
}
