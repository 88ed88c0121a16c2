package org.jexim.smtp;

import javax.inject.Inject;

import org.apache.james.domainlist.api.DomainList;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.smtpserver.JamesRcptCmdHandler;
import org.jexim.routing.rewrite.SmtpTimeRewrite;
import org.jexim.runtime.JeximRuntime;

/**
 * James's RCPT command with Exim's S rewrite rules applied to its data as it arrives, before the
 * syntax check and before acl_smtp_rcpt sees the recipient, and its options as Exim takes them
 * ({@link DsnOptions}: malformed ones and DSN's NOTIFY= and ORCPT=) (the Received: header's "for" and the
 * envelope get the rewritten address too). {@link EximHandlers} puts it in place of James's
 * JamesRcptCmdHandler. The address itself is taken as Exim takes it ({@link EnvelopeAddress}) before James
 * parses it.
 */
public final class EximRcptCmd extends JamesRcptCmdHandler {
    private final SmtpTimeRewrite rewrite;
    private final JeximRuntime runtime;

    @Inject
    public EximRcptCmd(MetricFactory metricFactory, DomainList domainList, JeximRuntime runtime) {
        super(metricFactory, domainList);
        this.rewrite = SmtpTimeRewrite.of(runtime);
        this.runtime = runtime;
    }

    @Override
    protected Response doFilterChecks(SMTPSession session, String command, String parameters) {
        String argument = rewrite.rcptArgument(parameters);
        String address = argument == null ? null : address(TestSession.afterColon(argument));
        if (address == null || session.getAttachment(SMTPSession.SENDER,
                org.apache.james.protocols.api.ProtocolSession.State.Transaction).isEmpty()) {
            return super.doFilterChecks(session, command, argument); // James's syntax errors and 503
        }
        EnvelopeAddress.ForJames next = EnvelopeAddress.forJames(session, runtime, DsnOptions.rcpt(session, runtime, argument, address), false);
        return next.refusal().isPresent() ? JamesReplies.response(next.refusal().get())
                : super.doFilterChecks(session, command, next.argument());
    }

    /** The address of RCPT's data, without its angle brackets; null when there is none. */
    private static String address(String data) {
        String s = data.strip();
        if (s.startsWith("<")) {
            int close = s.indexOf('>');
            return close < 0 ? null : s.substring(1, close);
        }
        int space = s.indexOf(' ');
        return s.isEmpty() ? null : space < 0 ? s : s.substring(0, space);
    }
}
