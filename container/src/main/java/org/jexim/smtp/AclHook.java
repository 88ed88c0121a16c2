package org.jexim.smtp;

import java.net.InetSocketAddress;
import org.apache.commons.configuration2.Configuration;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.api.ProtocolSession;
import org.jexim.acl.AclResult;
import org.jexim.acl.AclSubject;
import org.jexim.runtime.JeximRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared body of the ACL hooks: the name of the ACL comes from the handler's
 * {@code <acl>} element in smtpserver.xml; the ACL engine decides; the verdict becomes Exim's
 * reply for that SMTP stage. With no {@code <acl>}, the stage's default applies (accept,
 * except RCPT which Exim refuses).
 */
abstract class AclHook {
    private static final Logger REJECTS = LoggerFactory.getLogger("org.jexim.reject");

    private final JeximRuntime runtime;
    private String acl;

    AclHook(JeximRuntime runtime) {
        this.runtime = runtime;
    }

    public void init(Configuration config) {
        acl = config.getString("acl", null);
    }

    /** Runs the ACL for this stage; {@code ok} is the reply to give when it accepts. */
    HookResult decide(SMTPSession session, String sender, String recipient, Stage stage) {
        AclSubject subject = subject(session, sender, recipient);
        AclResult result = acl == null ? stage.defaultResult() : runtime.aclEngine().run(acl, subject);
        HookResult reply = stage.reply(result);
        if (reply.getResult().getAction() != HookReturnCode.Action.OK
                && reply.getResult().getAction() != HookReturnCode.Action.DECLINED) {
            REJECTS.info("H=[{}] F=<{}> rejected {}{}: {}", subject.clientIp(), sender == null ? "" : sender,
                    stage.name(), recipient == null ? "" : " <" + recipient + ">",
                    result.logMessage().orElse(reply.getSmtpDescription()));
        }
        return reply;
    }

    private static AclSubject subject(SMTPSession session, String sender, String recipient) {
        String ip = null;
        InetSocketAddress remote = session.getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            ip = remote.getAddress().getHostAddress();
        }
        String helo = session.getAttachment(SMTPSession.CURRENT_HELO_NAME, ProtocolSession.State.Connection).orElse(null);
        String localPart = null;
        String domain = null;
        if (recipient != null) {
            int at = recipient.lastIndexOf('@');
            localPart = at < 0 ? recipient : recipient.substring(0, at);
            domain = at < 0 ? null : recipient.substring(at + 1);
        }
        return new AclSubject(ip, helo, sender, localPart, domain);
    }
}
