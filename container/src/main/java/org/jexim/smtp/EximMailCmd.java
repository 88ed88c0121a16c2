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
 * syntax check and before acl_smtp_mail sees the sender. {@link EximHandlers} puts it in place
 * of James's JamesMailCmdHandler.
 */
public final class EximMailCmd extends JamesMailCmdHandler {
    private final SmtpTimeRewrite rewrite;

    @Inject
    public EximMailCmd(MetricFactory metricFactory, DomainList domainList, JeximRuntime runtime) {
        super(metricFactory, domainList);
        this.rewrite = SmtpTimeRewrite.of(runtime);
    }

    @Override
    protected Response doFilterChecks(SMTPSession session, String command, String parameters) {
        return super.doFilterChecks(session, command, rewrite.mailArgument(parameters));
    }
}
