package org.jexim.smtp.auth;

/** The server side of one AUTH command: started with the initial response, then fed each client line. */
public interface SaslExchange {
    /** {@code initialResponse}: the base64 text after the mechanism name, or null when there is none. */
    AuthStep start(String initialResponse);

    /** The client's answer to the last challenge, without CRLF ({@code *} cancels). */
    AuthStep next(String line);
}
