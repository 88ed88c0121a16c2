package org.jexim.acl;

/**
 * What {@code control = cutthrough_delivery} does at the end of an accepting RCPT ACL for the
 * first recipient (Exim's open_cutthrough_connection): the recipient is routed at once, and a
 * routing failure refuses it. jexim then delivers from the queue as usual (the control is
 * otherwise a documented no-op), so only the routing verdict is reproduced.
 */
final class CutthroughCheck {
    private CutthroughCheck() {
    }

    static AclOutcome.Code afterRcpt(AclSubject subject, AclServices services) {
        if (!subject.effects().has("cutthrough_delivery") || services.verifier() == null
                || !"1".equals(subject.variable("rcpt_count").orElse("1"))) {
            return AclOutcome.Code.OK;
        }
        RecipientVerifier.Verification v = services.verifier().verify(subject.recipient(), subject);
        return v.outcome() == RecipientVerifier.Outcome.FAIL ? AclOutcome.Code.FAIL : AclOutcome.Code.OK;
    }
}
