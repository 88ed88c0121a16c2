package org.jexim.acl;

/**
 * {@code verify = recipient}: routes the recipient as Exim's verify_address does, through the
 * same routing engine as -bt and delivery. The engine without one cannot verify (the ACL defers).
 */
public interface RecipientVerifier {
    /** The outcome and, for a failure, the router's message (null for Exim's "Unrouteable address"). */
    record Verification(Outcome outcome, String message) {
    }

    /** Exim's verify results. */
    enum Outcome { OK, FAIL, DEFER }

    Verification verify(String recipient, AclSubject subject);
}
