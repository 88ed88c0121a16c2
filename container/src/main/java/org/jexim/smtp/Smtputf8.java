package org.jexim.smtp;

import java.util.Optional;

/**
 * MAIL's SMTPUTF8 option as Exim takes it: refused with {@code 501 SMTPUTF8 used when not advertised}
 * (a syntax error) unless the EHLO reply offered it; else the message is an SMTPUTF8 one
 * ($message_smtputf8, "utf8" in front of $received_protocol).
 */
final class Smtputf8 {
    private static final SmtpReply NOT_ADVERTISED = SmtpReply.of("501", "SMTPUTF8 used when not advertised");

    private Smtputf8() {
    }

    /** Takes the option if given; the refusal when it may not be. */
    static Optional<SmtpReply> take(SessionState session, SmtpParameters options) {
        if (options.value("SMTPUTF8").isEmpty()) {
            return Optional.empty();
        }
        if (!session.smtputf8Advertised()) {
            return Optional.of(NOT_ADVERTISED);
        }
        session.smtputf8();
        return Optional.empty();
    }
}
