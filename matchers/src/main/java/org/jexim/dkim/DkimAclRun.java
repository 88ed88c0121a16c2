package org.jexim.dkim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jexim.acl.AclEngine;
import org.jexim.acl.AclResult;
import org.jexim.acl.AclSubject;
import org.jexim.acl.AclVerdict;
import org.jexim.acl.AclWhere;

/**
 * Runs {@code acl_smtp_dkim} as Exim does after the message is received: verifies every
 * signature ({@link DkimVerifierEngine}), sets {@code $dkim_signers}, expands
 * {@code dkim_verify_signers} (default {@code $dkim_signers}) and runs the ACL once per signer
 * and matching signature with the {@code $dkim_*} variables; the first run that does not
 * accept refuses the message. Afterwards {@code $dkim_verify_status} holds the statuses of all
 * runs joined by colons, for the DATA ACL.
 */
public final class DkimAclRun {
    private DkimAclRun() {
    }

    public static AclResult run(AclEngine engine, String aclName, DkimVerifierEngine verifier, AclSubject subject,
                                byte[] message) throws IOException, org.jexim.conf.expand.ExpansionException {
        DkimVerifyOptions options = DkimVerifyOptions.from(name -> engine.services().option(name));
        DkimVerification v = verifier.verify(message, options);
        subject.set("dkim_signers", v.signers());
        subject.set(DkimVerification.AUTHRES_VARIABLE, v.authResults());
        String signers = engine.services().option("dkim_verify_signers").orElse("$dkim_signers");
        String expanded = AclEngine.expand(signers, subject);
        List<String> statuses = new ArrayList<>();
        List<DkimVerification.Run> runs = v.runs(expanded);
        for (int i = 0; i < runs.size(); i++) {
            DkimVerification.Run run = runs.get(i);
            run.variables().forEach(subject::set);
            AclResult r = aclName == null ? AclResult.of(AclVerdict.ACCEPT) : engine.run(AclWhere.DKIM, aclName, subject);
            statuses.add(subject.variable("dkim_verify_status").orElse(""));
            if (r.verdict() != AclVerdict.ACCEPT) {
                return r;
            }
            if (options.endsWalk(statuses.get(statuses.size() - 1), run, i + 1 < runs.size() ? runs.get(i + 1) : null)) {
                break;
            }
        }
        subject.set("dkim_verify_status", String.join(":", statuses));
        return AclResult.of(AclVerdict.ACCEPT);
    }
}
