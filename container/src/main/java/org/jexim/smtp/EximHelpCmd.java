package org.jexim.smtp;

import java.util.List;
import javax.inject.Inject;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jexim.runtime.JeximRuntime;

/** HELP as Exim answers it ({@link EximTexts#help}, the same text as -bh); {@link EximHandlers} puts it in place of James's. */
public final class EximHelpCmd implements CommandHandler<SMTPSession> {
    private final JeximRuntime runtime;
    private final EximTexts texts;

    @Inject
    public EximHelpCmd(JeximRuntime runtime) {
        this.runtime = runtime;
        this.texts = new EximTexts(runtime);
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        return JamesReplies.response(texts.help(JamesSessions.of(session, runtime, null)));
    }

    @Override
    public java.util.Collection<String> getImplCommands() {
        return List.of("HELP");
    }
}
