package org.jexim.acl;

/**
 * Exim's sender_verified_failed: the sender address whose verification failed or deferred in
 * this ACL run, with the router's or callout's messages; the SMTP side sends the preliminary
 * "Verification failed for &lt;ADDR&gt;" lines once per address ({@link #told}).
 */
public final class SenderVerifyFailure {
    private final String address;
    private final String message;
    private final String userMessage;
    private final boolean deferred;
    private final boolean postmaster;
    private final boolean callbackSetup;
    private boolean told;

    public SenderVerifyFailure(String address, String message, String userMessage, boolean deferred,
                               boolean postmaster, boolean callbackSetup, boolean told) {
        this.address = address;
        this.message = message;
        this.userMessage = userMessage;
        this.deferred = deferred;
        this.postmaster = postmaster;
        this.callbackSetup = callbackSetup;
        this.told = told;
    }

    public String address() {
        return address;
    }

    /** addr->message: what the router or callout said (logged). */
    public String message() {
        return message;
    }

    /** addr->user_message: what the client may be told; null for none. */
    public String userMessage() {
        return userMessage;
    }

    public boolean deferred() {
        return deferred;
    }

    /** The callout failed on the postmaster check (af_verify_pmfail). */
    public boolean postmaster() {
        return postmaster;
    }

    /** The callout's connection, HELO or MAIL FROM:&lt;&gt; was refused (af_verify_nsfail). */
    public boolean callbackSetup() {
        return callbackSetup;
    }

    public boolean told() {
        return told;
    }

    /** Marks the details as sent (af_sverify_told). */
    public void tell() {
        told = true;
    }
}
