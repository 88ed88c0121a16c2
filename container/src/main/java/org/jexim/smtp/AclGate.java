package org.jexim.smtp;

import java.util.Optional;
import org.jexim.acl.AclEngine;
import org.jexim.acl.AclResult;
import org.jexim.acl.AclVerdict;
import org.jexim.log.EximLog;
import org.jexim.runtime.JeximRuntime;

/**
 * Runs the ACL of one SMTP stage and gives Exim's reply, writing the main/reject log lines of a
 * refusal. The server's hooks and -bh both go through here, so they cannot answer differently.
 */
public final class AclGate {
    private final AclEngine engine;

    public AclGate(JeximRuntime runtime) {
        this(runtime.aclEngine());
    }

    public AclGate(AclEngine engine) {
        this.engine = engine;
    }

    /**
     * The reply to the command at {@code stage}; {@code acl} is the ACL's name, or null when the
     * option is unset (Exim's default for the stage applies).
     */
    public SmtpReply check(Stage stage, String acl, SessionState session, String recipient) {
        return decide(stage, acl, session, recipient).reply();
    }

    /** The reply and whether the ACL discarded (a discarded recipient is answered 250 and dropped). */
    public Decision decide(Stage stage, String acl, SessionState session, String recipient) {
        AclResult result = acl == null ? stage.defaultResult() : engine.run(acl, session.subject(recipient));
        SmtpReply reply = stage.reply(result);
        if (!reply.positive()) {
            log(stage, session, recipient, result.logMessage().or(() -> result.message()), reply);
        }
        return new Decision(reply, result.verdict() == AclVerdict.DISCARD);
    }

    /** What {@link #decide} found. */
    public record Decision(SmtpReply reply, boolean discarded) {
    }

    /** The main and reject log lines Exim writes for a refusal at this stage. */
    private static void log(Stage stage, SessionState session, String recipient, Optional<String> message, SmtpReply reply) {
        EximLog log = EximLog.main();
        String text = message.orElse(null);
        boolean temporary = reply.code().startsWith("4");
        Optional<String> sender = Optional.ofNullable(session.sender());
        switch (stage) {
            case RCPT -> log.rejected(session.peer(), Optional.of(session.sender()), "RCPT <" + recipient + ">", text, temporary);
            case MAIL -> log.rejected(session.peer(), Optional.empty(), "MAIL <" + session.sender() + ">", text, temporary);
            case CONNECT -> log.rejected(session.peer(), Optional.empty(), "connection in \"connect\" ACL", text, temporary);
            case HELO -> log.rejected(session.peer(), Optional.empty(), "EHLO or HELO", text, temporary);
            case PREDATA -> log.rejected(session.peer(), sender, "DATA", text, temporary);
            case DATA -> log.rejected(session.peer(), sender, "after DATA", text, temporary);
            case AUTH -> log.rejected(session.peer(), Optional.empty(), "AUTH", text, temporary);
        }
    }
}
