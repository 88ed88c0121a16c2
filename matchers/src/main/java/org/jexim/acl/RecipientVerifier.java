package org.jexim.acl;

/**
 * {@code verify = recipient} and {@code verify = sender}: routes an address as Exim's
 * verify_address does, through the same routing engine as -bt and delivery (and, when
 * {@link CalloutRequest} asks, calls out to the host routing chose). Without one the ACL
 * cannot verify (the condition defers).
 */
public interface RecipientVerifier {
    /**
     * The outcome; for a failure or deferral, the router's (or callout's) message, the user
     * message when it differs, and Exim's $sender_verify_failure / $recipient_verify_failure
     * word ("route", "qualify", "mail", "recipient", "postmaster", "random"); a callout's
     * refused postmaster check (af_verify_pmfail) or refused connection, HELO or MAIL FROM
     * (af_verify_nsfail), which change the reply's preliminary lines.
     */
    record Verification(Outcome outcome, String message, String userMessage, String failure, boolean calloutDefer,
                        boolean postmasterFailed, boolean setupFailed) {
        public Verification(Outcome outcome, String message) {
            this(outcome, message, null, outcome == Outcome.OK ? null : "route", false);
        }

        public Verification(Outcome outcome, String message, String userMessage, String failure, boolean calloutDefer) {
            this(outcome, message, userMessage, failure, calloutDefer, false, false);
        }
    }

    /** Exim's verify results. */
    enum Outcome { OK, FAIL, DEFER }

    /** Verifies a recipient (routers with verify_recipient). */
    Verification verify(String recipient, AclSubject subject);

    /** Verifies a sender (routers with verify_sender; $sender_address is empty while routing). */
    default Verification verifySender(String sender, AclSubject subject) {
        return verify(sender, subject);
    }

    /** Verifies with a callout when routing gives hosts; without callout support, routing alone. */
    default Verification verify(String address, boolean sender, CalloutRequest callout, AclSubject subject) {
        return sender ? verifySender(address, subject) : verify(address, subject);
    }

    /**
     * EXPN: the address routed one level, as verify_address in expn mode: the addresses a
     * redirection generated (none: discarded), or the outcome of routing it; empty when this
     * verifier cannot expand (the caller verifies instead).
     */
    default java.util.Optional<Expansion> expand(String address, AclSubject subject) {
        return java.util.Optional.empty();
    }

    /** What EXPN found: OK with the generated addresses (or none, for an address routed to a transport, see {@code routed}). */
    record Expansion(Outcome outcome, java.util.List<String> children, boolean routed) {
    }
}
