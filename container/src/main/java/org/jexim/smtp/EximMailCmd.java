package org.jexim.smtp;

import javax.inject.Inject;

import org.apache.james.domainlist.api.DomainList;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.smtpserver.JamesMailCmdHandler;
import org.jexim.routing.rewrite.SmtpTimeRewrite;
import org.jexim.runtime.JeximRuntime;

/**
 * James's MAIL command with Exim's S rewrite rules applied to its data as it arrives, before the
 * syntax check and before acl_smtp_mail sees the sender; its options as Exim takes them
 * ({@link DsnOptions}: malformed ones and DSN's RET= and ENVID=). {@link EximHandlers} puts it in place
 * of James's JamesMailCmdHandler. The address itself is taken as Exim takes it ({@link EnvelopeAddress}) before
 * James parses it.
 */
public final class EximMailCmd extends JamesMailCmdHandler {
    private final SmtpTimeRewrite rewrite;
    private final JeximRuntime runtime;

    @Inject
    public EximMailCmd(MetricFactory metricFactory, DomainList domainList, JeximRuntime runtime) {
        super(metricFactory, domainList);
        this.rewrite = SmtpTimeRewrite.of(runtime);
        this.runtime = runtime;
    }

    @Override
    protected Response doFilterChecks(SMTPSession session, String command, String parameters) {
        JamesSessions.of(session, runtime, null).mailCommand();
        String argument = rewrite.mailArgument(parameters);
        if (argument == null || session.getAttachment(SMTPSession.SENDER,
                org.apache.james.protocols.api.ProtocolSession.State.Transaction).isPresent()) {
            return super.doFilterChecks(session, command, argument); // James's 503 and syntax errors
        }
        EnvelopeAddress.ForJames next = EnvelopeAddress.forJames(session, runtime, DsnOptions.mail(session, runtime, argument), true);
        return next.refusal().isPresent() ? JamesReplies.response(next.refusal().get())
                : super.doFilterChecks(session, command, next.argument());
    }
}
