package org.jexim.dkim;

import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;

/**
 * The DKIM ACL's conditions over the variables of the current run: {@code dkim_signers}
 * (the list holds {@code $dkim_cur_signer}) and {@code dkim_status} (the list holds
 * {@code $dkim_verify_status}, which a {@code set} may have changed).
 */
public final class DkimAclConditions {
    private DkimAclConditions() {
    }

    public static AclCondition signers() {
        return (value, item, subject) -> AclOutcome.of(
                DkimVerification.signersCondition(value, subject.variable("dkim_cur_signer").orElse("")));
    }

    public static AclCondition status() {
        return (value, item, subject) -> AclOutcome.of(
                DkimVerification.statusCondition(value, subject.variable("dkim_verify_status").orElse("")));
    }
}
