package org.jexim.smtp;

import javax.inject.Inject;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.smtpserver.JamesDataCmdHandler;
import org.jexim.runtime.JeximRuntime;

/**
 * James's DATA command with Exim's acl_smtp_predata before the 354: a refusal (or drop) is the
 * reply to DATA, an accept with a message words the 354. {@link EximHandlers} puts it in place
 * of James's JamesDataCmdHandler; the ACL is the one the acl_smtp_predata option names.
 */
public final class EximDataCmd extends JamesDataCmdHandler {
    private final JeximRuntime runtime;
    private final AclGate gate;

    @Inject
    public EximDataCmd(MetricFactory metricFactory, JeximRuntime runtime) {
        super(metricFactory);
        this.runtime = runtime;
        this.gate = new AclGate(runtime);
    }

    @Override
    protected SMTPResponse doDATA(SMTPSession session, String argument) {
        String acl = runtime.mainOption(Stage.PREDATA.option()).map(String::strip).orElse(null);
        if (acl != null) {
            SessionState state = JamesSessions.of(session, runtime, null);
            state.command("DATA");
            SmtpReply reply = gate.check(Stage.PREDATA, acl, state, null);
            if (!reply.positive()) {
                return JamesReplies.response(reply);
            }
            if (!reply.equals(EximTexts.DATA_GO)) {
                JamesSessions.acceptedWith(session, reply);
            }
        }
        SMTPResponse go = super.doDATA(session, argument);
        if ("354".equals(go.getRetCode())) {
            org.jexim.smtp.wire.InputState.of(session).dataStarted();
        }
        return go;
    }
}
