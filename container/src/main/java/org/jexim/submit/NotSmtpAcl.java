package org.jexim.submit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jexim.acl.AclEngine;
import org.jexim.acl.AclResult;
import org.jexim.acl.AclSubject;
import org.jexim.acl.AclVerdict;
import org.jexim.acl.AclWhere;
import org.jexim.acl.ReceivedMessage;

/**
 * Runs acl_not_smtp_start (before the message is read; its verdict is ignored, as in Exim) and
 * acl_not_smtp (after; deny rejects the message, discard drops its recipients) through the
 * shared ACL engine, with the variables of a local submission.
 */
public final class NotSmtpAcl {
    private final AclEngine engine;
    private final Optional<String> start;
    private final Optional<String> main;
    private final Optional<String> mime;

    public NotSmtpAcl(AclEngine engine, Optional<String> start, Optional<String> main) {
        this(engine, start, main, Optional.empty());
    }

    /** With acl_not_smtp_mime, run once per MIME part before acl_not_smtp. */
    public NotSmtpAcl(AclEngine engine, Optional<String> start, Optional<String> main, Optional<String> mime) {
        this.engine = engine;
        this.start = start;
        this.main = main;
        this.mime = mime;
    }

    /** The verdict of acl_not_smtp_mime over the message's parts; ACCEPT when it is not set. */
    public AclResult runMime(Map<String, String> variables, Map<String, String> aclVariables, byte[] message)
            throws java.io.IOException {
        if (mime.isEmpty()) {
            return AclResult.of(AclVerdict.ACCEPT);
        }
        return org.jexim.mime.MimeAclRun.run(engine, mime.get(), subject(variables, aclVariables), message);
    }

    /**
     * Runs acl_not_smtp_start for its side effects (the ACL variables it sets); returns whether it
     * asked for control = suppress_local_fixups.
     */
    public boolean runStart(Map<String, String> variables, Map<String, String> aclVariables) {
        if (start.isEmpty()) {
            return false;
        }
        AclSubject subject = subject(variables, aclVariables);
        engine.run(AclWhere.NOTSMTP_START, start.get(), subject);
        return subject.effects().has("suppress_local_fixups");
    }

    /** The verdict of acl_not_smtp on {@code message} (its $h_ variables); ACCEPT when it is not set. */
    public AclResult run(Map<String, String> variables, Map<String, String> aclVariables, byte[] message) {
        if (main.isEmpty()) {
            return AclResult.of(AclVerdict.ACCEPT);
        }
        AclSubject subject = new AclSubject(null, null, variables.get("sender_address"), null, null, aclVariables)
                .withMessage(new ReceivedMessage(message));
        variables.forEach(subject::set);
        return engine.run(AclWhere.NOTSMTP, main.get(), subject);
    }

    private static AclSubject subject(Map<String, String> variables, Map<String, String> aclVariables) {
        AclSubject subject = new AclSubject(null, null, variables.get("sender_address"), null, null, aclVariables);
        variables.forEach(subject::set);
        return subject;
    }

    /** The $recipients value: the addresses separated by comma and space. */
    public static String recipientsVariable(List<String> recipients) {
        return String.join(", ", recipients);
    }
}
