package org.jexim.acl;

import java.util.Optional;

/**
 * The outcome of running an ACL: the verdict, the user message set by {@code message} (empty
 * when the statement gave none, so the caller uses Exim's default text), and the log message.
 */
public record AclResult(AclVerdict verdict, Optional<String> message, Optional<String> logMessage) {
    public static AclResult of(AclVerdict verdict) {
        return new AclResult(verdict, Optional.empty(), Optional.empty());
    }
}
