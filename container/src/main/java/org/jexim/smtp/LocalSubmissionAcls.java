package org.jexim.smtp;

import java.util.List;
import org.jexim.acl.AclEngine;
import org.jexim.acl.AclMessage;
import org.jexim.acl.AclResult;
import org.jexim.acl.AclSubject;
import org.jexim.acl.AclVerdict;
import org.jexim.runtime.JeximRuntime;

/**
 * The ACLs of a locally submitted message (sendmail, -bm, -t): acl_not_smtp_start before the
 * message is read, acl_not_smtp once it is, as Exim runs them for non-SMTP input (no client
 * IP; an unset option accepts). The added headers and controls stay in {@link #effects()}.
 * For the ops helper's submission path:
 * <pre>{@code
 * LocalSubmissionAcls acls = new LocalSubmissionAcls(runtime, "joe");
 * AclResult start = acls.start(sender);           // deny: refuse before reading
 * AclResult done = acls.check(sender, recipients, message);
 * }</pre>
 */
public final class LocalSubmissionAcls {
    private final JeximRuntime runtime;
    private final AclEngine engine;
    private final SessionState state;

    /** {@code login}: the submitting user ($sender_ident, "U=" in the log lines). */
    public LocalSubmissionAcls(JeximRuntime runtime, String login) {
        this.runtime = runtime;
        this.engine = AclEngines.of(runtime);
        this.state = new SessionState(null, 0, runtime.primaryHostname());
        state.set("sender_ident", login);
        state.set("host_and_ident", "U=" + login);
    }

    /** acl_not_smtp_start, before the message is read. */
    public AclResult start(String sender) {
        state.sender(sender);
        return run(Stage.NOT_SMTP_START, state.subject(null));
    }

    /** acl_not_smtp, with the whole message and its recipients. */
    public AclResult check(String sender, List<String> recipients, AclMessage message) {
        state.sender(sender);
        state.recipients().clear();
        state.recipients().addAll(recipients);
        state.message(message);
        return run(Stage.NOT_SMTP, state.subject(null));
    }

    /** What the ACLs asked for: headers to add or remove, controls (freeze, queue, submission ...). */
    public org.jexim.acl.AclEffects effects() {
        return state.effects();
    }

    private AclResult run(Stage stage, AclSubject subject) {
        String acl = runtime.mainOption(stage.option()).map(String::strip).orElse(null);
        return acl == null ? AclResult.of(AclVerdict.ACCEPT) : engine.run(stage.where(), acl, subject);
    }
}
