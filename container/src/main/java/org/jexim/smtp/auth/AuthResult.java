package org.jexim.smtp.auth;

import java.util.Optional;

/**
 * How an authentication exchange ended, with the reply Exim sends for it (smtp_in.c,
 * smtp_in_auth) and the server_set_id value when one was expanded.
 */
public record AuthResult(Kind kind, Optional<String> setId, String deferMessage, String deferUserMessage) {
    /** The outcomes of an authenticator's server function. */
    public enum Kind { SUCCEEDED, FAILED, DEFERRED, CANCELLED, BAD_BASE64 }

    public static AuthResult of(Kind kind) {
        return new AuthResult(kind, Optional.empty(), "", "");
    }

    /** A deferral for an expansion failure: the client is not told why. */
    public static AuthResult deferred(String message) {
        return new AuthResult(Kind.DEFERRED, Optional.empty(), message, "");
    }

    /** A deferral for a server_condition that is neither true nor false: the client sees the value. */
    public static AuthResult deferredShowing(String value) {
        return new AuthResult(Kind.DEFERRED, Optional.empty(), value, ": " + value);
    }

    public AuthResult withSetId(String id) {
        return new AuthResult(kind, Optional.ofNullable(id).filter(s -> !s.isEmpty()), deferMessage, deferUserMessage);
    }

    public boolean succeeded() {
        return kind == Kind.SUCCEEDED;
    }

    /** The reply line the client gets. */
    public String reply() {
        return switch (kind) {
            case SUCCEEDED -> "235 Authentication succeeded";
            case FAILED -> "535 Incorrect authentication data";
            case DEFERRED -> "435 Unable to authenticate at present" + deferUserMessage;
            case CANCELLED -> "501 Authentication cancelled";
            case BAD_BASE64 -> "501 Invalid base64 data";
        };
    }

    /** The text after "NAME authenticator failed for HOST: " in the main and reject logs. */
    public String logText() {
        String setIdText = setId.map(id -> " (set_id=" + id + ")").orElse("");
        return switch (kind) {
            case DEFERRED -> "435 Unable to authenticate at present" + setIdText + ": " + deferMessage;
            case FAILED -> reply() + setIdText;
            default -> reply();
        };
    }
}
