package org.jexim.dns;

/** The outcomes of a Client SMTP Authorization check, with Exim's $csa_status and reason texts. */
public enum CsaResult {
    UNKNOWN("unknown", "unknown"),
    OK("ok", "ok"),
    DEFER_SRV("defer", "deferred (SRV lookup failed)"),
    DEFER_ADDR("defer", "deferred (target address lookup failed)"),
    FAIL_EXPLICIT("fail", "failed (explicit authorization required)"),
    FAIL_DOMAIN("fail", "failed (host name not authorized)"),
    FAIL_NOADDR("fail", "failed (no authorized addresses)"),
    FAIL_MISMATCH("fail", "failed (client address mismatch)");

    private final String status;
    private final String reason;

    CsaResult(String status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    /** $csa_status. */
    public String status() {
        return status;
    }

    /** The verify message: "client SMTP authorization " and the reason. */
    public String message() {
        return "client SMTP authorization " + reason;
    }

    /** Whether verify = csa is true: only a definite failure is false. */
    public boolean passes() {
        return !status.equals("fail");
    }
}
