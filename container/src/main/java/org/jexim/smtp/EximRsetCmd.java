package org.jexim.smtp;

import javax.inject.Inject;

import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.RsetCmdHandler;
import org.jexim.log.SmtpConnectionLog;
import org.jexim.runtime.JeximRuntime;

/**
 * James's RSET, first writing Exim's "incomplete transaction (RSET)" line (smtp_incomplete_transaction)
 * for the transaction it abandons. {@link EximHandlers} puts it in place of James's RsetCmdHandler.
 */
public final class EximRsetCmd extends RsetCmdHandler {
    private final JeximRuntime runtime;

    @Inject
    public EximRsetCmd(JeximRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        SessionState state = JamesSessions.of(session, runtime, null);
        SmtpConnectionLog.main().incompleteTransaction(state.peer(), "RSET", state.sender(), state.recipients());
        return super.onCommand(session, request);
    }
}
