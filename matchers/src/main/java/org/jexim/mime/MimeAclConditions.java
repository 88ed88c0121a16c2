package org.jexim.mime;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jexim.acl.AclCondition;
import org.jexim.acl.AclMessage;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclServices;
import org.jexim.acl.AclSubject;
import org.jexim.acl.AclWhere;
import org.jexim.conf.expand.Pcre;

/**
 * The content conditions of the DATA and MIME ACLs: {@code regex} (the whole message in the
 * DATA ACL, the current raw part in the MIME ACL), {@code mime_regex} and {@code decode} (the
 * current part, which {@link MimeAclRun} attaches to the subject).
 */
public final class MimeAclConditions {
    private final AclServices services;

    public MimeAclConditions(AclServices services) {
        this.services = services;
    }

    public AclCondition regex() {
        return (value, item, subject) -> {
            byte[] text;
            if (subject.where() == AclWhere.MIME) {
                MimePart part = subject.attached(MimePart.class).orElse(null);
                if (part == null) {
                    return AclOutcome.FALSE;
                }
                text = part.regexText();
            } else {
                AclMessage m = subject.message().orElse(null);
                if (m == null) {
                    return AclOutcome.FALSE;
                }
                text = m.bytes();
            }
            return matched(subject, vars -> RegexScan.linewise(value, text, vars));
        };
    }

    public AclCondition mimeRegex() {
        return (value, item, subject) -> {
            MimePart part = subject.attached(MimePart.class).orElse(null);
            if (part == null) {
                return AclOutcome.FALSE;
            }
            // Exim decodes the part for mime_regex, which finds the anomalies too
            Map<String, String> anomaly = new HashMap<>();
            MimeAnomaly.detect(part.variable("mime_content_transfer_encoding"), part.rawBody(), anomaly);
            anomaly.forEach(subject::set);
            return matched(subject, vars -> RegexScan.whole(value, part.decodedBody(), vars));
        };
    }

    public AclCondition decode() {
        return (value, item, subject) -> {
            MimePart part = subject.attached(MimePart.class).orElse(null);
            if (part == null) {
                return AclOutcome.FALSE;
            }
            Map<String, String> vars = new HashMap<>();
            boolean done = decoder(subject).decode(part, value, vars);
            vars.forEach(subject::set);
            return AclOutcome.of(done);
        };
    }

    private MimeDecoder decoder(AclSubject subject) {
        MimeDecoder d = subject.attached(MimeDecoder.class).orElse(null);
        if (d == null) {
            String id = subject.variable("message_exim_id").or(() -> subject.variable("message_id")).orElse("jexim");
            Path spool = Path.of(services.option("spool_directory").orElse("/var/spool/exim4"));
            d = new MimeDecoder(spool.resolve("scan").resolve(id), id);
            subject.attach(MimeDecoder.class, d);
        }
        return d;
    }

    private interface Match {
        boolean test(Map<String, String> vars) throws Pcre.RegexError;
    }

    private static AclOutcome matched(AclSubject subject, Match match) {
        Map<String, String> vars = new HashMap<>();
        try {
            boolean found = match.test(vars);
            vars.forEach(subject::set);
            return AclOutcome.of(found);
        } catch (Pcre.RegexError e) {
            return AclOutcome.defer("regex acl condition warning - error in regex: " + e.getMessage());
        }
    }
}
