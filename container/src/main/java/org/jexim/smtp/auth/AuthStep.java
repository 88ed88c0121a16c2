package org.jexim.smtp.auth;

/** One step of an exchange: a 334 challenge (base64, possibly empty) to send, or the end. */
public record AuthStep(String challenge, AuthResult result) {
    public static AuthStep challenge(String base64) {
        return new AuthStep(base64, null);
    }

    public static AuthStep done(AuthResult result) {
        return new AuthStep(null, result);
    }

    public boolean finished() {
        return result != null;
    }
}
