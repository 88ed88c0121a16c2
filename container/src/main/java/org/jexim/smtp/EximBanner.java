package org.jexim.smtp;

import javax.inject.Inject;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.ConnectHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jexim.runtime.JeximRuntime;

/** Sends Exim's 220 greeting, smtp_banner expanded for the connection, in place of James's. */
public final class EximBanner implements ConnectHandler<SMTPSession> {
    private final JeximRuntime runtime;
    private final EximTexts texts;

    @Inject
    public EximBanner(JeximRuntime runtime) {
        this.runtime = runtime;
        this.texts = new EximTexts(runtime);
    }

    @Override
    public Response onConnect(SMTPSession session) {
        return JamesReplies.response(texts.banner(JamesSessions.of(session, runtime, null)));
    }
}
