package org.jexim.mime;

import java.io.IOException;
import org.jexim.acl.AclEngine;
import org.jexim.acl.AclResult;
import org.jexim.acl.AclSubject;
import org.jexim.acl.AclVerdict;
import org.jexim.acl.AclWhere;

/**
 * Runs {@code acl_smtp_mime} (or {@code acl_not_smtp_mime}) once per MIME part of the received
 * message, as Exim does just before the DATA ACL: the {@code $mime_*} variables and the part
 * itself are given to each run; the first run that does not accept ends the walk and its
 * result is the message's. {@code $mime_part_count} keeps its last value for the DATA ACL
 * (-1 when the message has no Content-Type).
 */
public final class MimeAclRun {
    private MimeAclRun() {
    }

    /** Walks {@code message}; returns the refusing run's result, or an accept when every part was accepted. */
    public static AclResult run(AclEngine engine, String aclName, AclSubject subject, byte[] message) throws IOException {
        AclResult[] refusal = {null};
        subject.set("mime_part_count", "-1");
        MimeWalker.walk(message, part -> {
            part.variables().forEach(subject::set);
            subject.set("mime_decoded_filename", null);
            subject.attach(MimePart.class, part);
            AclResult r = engine.run(AclWhere.MIME, aclName, subject);
            subject.attach(MimePart.class, null);
            if (r.verdict() != AclVerdict.ACCEPT) {
                refusal[0] = r;
                return false;
            }
            return true;
        });
        return refusal[0] != null ? refusal[0] : AclResult.of(AclVerdict.ACCEPT);
    }
}
