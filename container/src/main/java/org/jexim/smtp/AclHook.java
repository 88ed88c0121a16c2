package org.jexim.smtp;

import org.apache.commons.configuration2.Configuration;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.jexim.runtime.JeximRuntime;

/**
 * The shared body of the ACL hooks: the name of the ACL comes from the handler's
 * {@code <acl>} element in smtpserver.xml; {@link AclGate} decides and words the reply, as
 * for -bh. With no {@code <acl>}, the stage's default applies (accept, except RCPT which Exim
 * refuses).
 */
abstract class AclHook {
    private final JeximRuntime runtime;
    private final AclGate gate;
    private String acl;

    AclHook(JeximRuntime runtime) {
        this.runtime = runtime;
        this.gate = new AclGate(runtime);
    }

    JeximRuntime runtime() {
        return runtime;
    }

    public void init(Configuration config) {
        acl = config.getString("acl", null);
    }

    /** Runs the ACL for this stage: an OK carrying Exim's positive text, DECLINED when James gives it, or the refusal. */
    HookResult decide(SMTPSession session, String sender, String recipient, Stage stage) {
        SessionState state = JamesSessions.of(session, runtime, sender);
        if (stage == Stage.RCPT) {
            state.rcptSeen();
        }
        AclGate.Decision decision = gate.decide(stage, acl, state, recipient);
        SmtpReply reply = decision.reply();
        if (reply.positive()) {
            // accept messages at connect/HELO (banner, greeting) are -bh only for now: James words those
            if (reply.text().isEmpty() || stage == Stage.CONNECT || stage == Stage.HELO || stage == Stage.DATA) {
                return HookResult.DECLINED;
            }
            JamesSessions.acceptedWith(session, reply);
            return hookResult(HookReturnCode.ok(), reply);
        }
        return stage == Stage.DATA ? messageRefusal(reply) : refusal(reply);
    }

    /** A refusing reply as James's hooks give it (4xx soft, else hard; closing when it drops). */
    static HookResult refusal(SmtpReply reply) {
        HookReturnCode code = reply.code().startsWith("4") ? HookReturnCode.denySoft() : HookReturnCode.deny();
        if (reply.closes()) {
            code = HookReturnCode.disconnected(code.getAction());
        }
        return hookResult(code, reply);
    }

    /** The refusal of a message hook (the DATA ACL), whose result James writes as it is. */
    static HookResult messageRefusal(SmtpReply reply) {
        HookResult r = refusal(reply);
        return JamesReplies.messageHookResult(r.getResult(), reply);
    }

    private static HookResult hookResult(HookReturnCode code, SmtpReply reply) {
        String text = reply.text(); // EximReplyTexts splits a multi-line text into continuation lines
        return HookResult.builder().hookReturnCode(code).smtpReturnCode(reply.code()).smtpDescription(text).build();
    }
}
