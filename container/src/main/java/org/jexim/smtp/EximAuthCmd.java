package org.jexim.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import javax.inject.Inject;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.MailParametersHook;
import org.jexim.runtime.JeximRuntime;

/**
 * The AUTH command of the server, with Exim's authenticators ({@link AuthCommand}) in place of
 * James's AuthCmdHandler; also takes MAIL's AUTH= parameter into $authenticated_sender when the
 * client has authenticated or acl_smtp_mailauth accepts it ({@link MailAuthParameter}).
 */
public final class EximAuthCmd implements CommandHandler<SMTPSession>, MailParametersHook {
    private final JeximRuntime runtime;
    private final AuthCommand auth;
    private final MailAuthParameter mailAuth;

    @Inject
    public EximAuthCmd(JeximRuntime runtime) {
        this.runtime = runtime;
        this.auth = new AuthCommand(runtime, new AclGate(runtime));
        this.mailAuth = new MailAuthParameter(runtime, new AclGate(runtime));
    }

    @Override
    public Collection<String> getImplCommands() {
        return List.of("AUTH");
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        SessionState state = JamesSessions.of(session, runtime, null);
        boolean extended = session.getAttachment(SMTPSession.CURRENT_HELO_MODE, ProtocolSession.State.Connection)
                .map("EHLO"::equalsIgnoreCase).orElse(false);
        return answer(session, auth.start(state, request.getArgument(), extended));
    }

    private Response answer(SMTPSession session, AuthCommand.Turn turn) {
        SmtpReply reply = turn.reply();
        if (turn.protocolError()) {
            reply = ProtocolErrors.counted(session, runtime, reply);
        }
        if (turn.pending() != null) {
            session.pushLineHandler(new LineHandler<SMTPSession>() {
                @Override
                public Response onLine(SMTPSession s, byte[] line) {
                    s.popLineHandler();
                    String text = new String(line, StandardCharsets.ISO_8859_1).replaceAll("\r?\n$", "");
                    return answer(s, auth.next(JamesSessions.of(s, runtime, null), turn.pending(), text));
                }
            });
        }
        return JamesReplies.response(reply);
    }

    @Override
    public HookResult doMailParameter(SMTPSession session, String paramName, String paramValue) {
        SmtpReply refused = mailAuth.take(JamesSessions.of(session, runtime, null), paramValue);
        return refused == null ? HookResult.DECLINED : AclHook.refusal(refused);
    }

    @Override
    public String[] getMailParamNames() {
        return new String[] {"AUTH"};
    }
}
