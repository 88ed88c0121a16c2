package org.jexim.acl;

import java.util.Optional;

/**
 * The outcome of running an ACL: the verdict, the user message (empty when the ACL gave none,
 * so the caller uses Exim's default text), the log message, and whether a temporary refusal
 * may show its message to the client (Exim's acl_temp_details: a {@code defer} verb or a
 * callout deferral; otherwise the client sees "Temporary local problem").
 */
public record AclResult(AclVerdict verdict, Optional<String> message, Optional<String> logMessage, boolean tempDetails) {
    public AclResult(AclVerdict verdict, Optional<String> message, Optional<String> logMessage) {
        this(verdict, message, logMessage, verdict == AclVerdict.DEFER);
    }

    public static AclResult of(AclVerdict verdict) {
        return new AclResult(verdict, Optional.empty(), Optional.empty());
    }
}
