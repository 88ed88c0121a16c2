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
import org.jexim.log.EximLog;
import org.jexim.log.SmtpPeer;

/**
 * The shared body of the ACL hooks: the name of the ACL comes from the handler's
 * {@code <acl>} element in smtpserver.xml; the ACL engine decides; the verdict becomes Exim's
 * reply for that SMTP stage. With no {@code <acl>}, the stage's default applies (accept,
 * except RCPT which Exim refuses).
 */
abstract class AclHook {
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
            logRejection(session, sender, recipient, stage, result.logMessage().orElse(reply.getSmtpDescription()));
        }
        return reply;
    }

    /** The main and reject log lines Exim writes for a refusal at this stage. */
    private static void logRejection(SMTPSession session, String sender, String recipient, Stage stage, String message) {
        InetSocketAddress remote = session.getRemoteAddress();
        SmtpPeer peer = SmtpPeer.of(remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress(),
                remote == null ? 0 : remote.getPort())
                .withHelo(session.getAttachment(SMTPSession.CURRENT_HELO_NAME, ProtocolSession.State.Connection).orElse(null));
        EximLog log = EximLog.main();
        switch (stage) {
            case RCPT -> log.rejectedRcpt(peer, sender, recipient, message);
            case MAIL -> log.rejectedMail(peer, sender, message);
            case CONNECT -> log.rejectedConnection(peer, message);
            case HELO -> log.rejected(peer, java.util.Optional.empty(), "EHLO or HELO", message);
            case DATA -> log.rejected(peer, java.util.Optional.ofNullable(sender), "after DATA", message);
        }
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
