package org.jexim.smtp;

import java.io.IOException;
import java.util.Optional;
import org.jexim.acl.AclEffects;
import org.jexim.acl.AclEngine;
import org.jexim.acl.AclMessage;
import org.jexim.acl.AclResult;
import org.jexim.acl.AclSubject;
import org.jexim.acl.AclVerdict;
import org.jexim.dkim.DkimAclRun;
import org.jexim.dkim.DkimVerifierEngine;
import org.jexim.dns.DnsClient;
import org.jexim.dns.DnsSettings;
import org.jexim.mime.MimeAclRun;

/**
 * What Exim does with a received message before the DATA ACL: {@code acl_smtp_mime} once per
 * MIME part (when the message has a Content-Type header), then DKIM verification with
 * {@code acl_smtp_dkim} per signer (unless {@code control = dkim_disable_verify}); the
 * variables they set ($mime_part_count, $dkim_verify_status ...) stay for the DATA ACL. Used
 * by the server and by -bh alike.
 */
final class ContentChecks {
    /** A MIME or DKIM ACL that did not accept, and which. */
    record Refusal(Stage stage, AclResult result) {
    }

    private ContentChecks() {
    }

    /** Runs the MIME and DKIM ACLs on the subject's message; null when the DATA ACL may run. */
    static Refusal beforeData(AclEngine engine, AclSubject subject, AclEffects effects) {
        Optional<AclMessage> message = subject.message();
        if (message.isEmpty()) {
            return null;
        }
        try {
            // the bytes only when an ACL reads them: a large message stays on disk otherwise
            Optional<String> mimeAcl = engine.services().option(Stage.MIME.option());
            if (mimeAcl.isPresent()) {
                AclResult r = MimeAclRun.run(engine, mimeAcl.get(), subject, message.get().bytes());
                if (r.verdict() != AclVerdict.ACCEPT) {
                    return new Refusal(Stage.MIME, r);
                }
            }
            if (!effects.has("dkim_disable_verify") && signed(message.get())) {
                DkimVerifierEngine verifier = new DkimVerifierEngine(
                        new DnsClient(org.jexim.dns.AclDns.settings(engine.services())));
                AclResult r = DkimAclRun.run(engine, engine.services().option(Stage.DKIM.option()).orElse(null),
                        verifier, subject, message.get().bytes());
                if (r.verdict() != AclVerdict.ACCEPT) {
                    return new Refusal(Stage.DKIM, r);
                }
            }
            return null;
        } catch (IOException | org.jexim.conf.expand.ExpansionException e) {
            return new Refusal(Stage.DATA, new AclResult(AclVerdict.DEFER, Optional.empty(), Optional.of(e.getMessage())));
        }
    }

    /** Whether the message carries a DKIM signature (verification asks the DNS only then). */
    private static boolean signed(AclMessage message) {
        return message.headerLines().stream().anyMatch(l -> l.regionMatches(true, 0, "DKIM-Signature:", 0, 15));
    }
}
