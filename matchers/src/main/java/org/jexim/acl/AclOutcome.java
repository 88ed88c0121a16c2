package org.jexim.acl;

/**
 * What one condition or modifier found, as Exim's acl_check_condition codes: TRUE (OK), FALSE
 * (FAIL), DEFER (the statement defers: the ACL ends with 4xx, except for {@code warn}), ERROR
 * (the ACL ends with an error); DISCARD and DROP come from a nested ACL. A condition may set
 * the user message (the SMTP reply text, as a failed verify does) and the log message;
 * {@code tempDetails} lets a deferral show its user message to the client (callouts).
 */
public record AclOutcome(Code code, String userMessage, String logMessage, boolean tempDetails) {
    public AclOutcome(Code code, String userMessage, String logMessage) {
        this(code, userMessage, logMessage, false);
    }

    /** Exim's OK, FAIL, FAIL_DROP, DISCARD, DEFER, ERROR. */
    public enum Code { OK, FAIL, DROP, DISCARD, DEFER, ERROR }

    public static final AclOutcome TRUE = new AclOutcome(Code.OK, null, null);
    public static final AclOutcome FALSE = new AclOutcome(Code.FAIL, null, null);

    public static AclOutcome of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** A temporary failure; {@code logMessage} goes to the log lines (may be null). */
    public static AclOutcome defer(String logMessage) {
        return new AclOutcome(Code.DEFER, null, logMessage);
    }

    /** A configuration or run-time error: the ACL ends, the client gets 451. */
    public static AclOutcome error(String logMessage) {
        return new AclOutcome(Code.ERROR, null, logMessage);
    }

    /** This outcome with a user message (the SMTP text), e.g. a verification's failure. */
    public AclOutcome withUserMessage(String message) {
        return new AclOutcome(code, message, logMessage, tempDetails);
    }

    public AclOutcome withLogMessage(String message) {
        return new AclOutcome(code, userMessage, message, tempDetails);
    }

    /** This outcome, whose user message a temporary refusal may show (a callout's deferral). */
    public AclOutcome withTempDetails() {
        return new AclOutcome(code, userMessage, logMessage, true);
    }

    public boolean ok() {
        return code == Code.OK;
    }
}
