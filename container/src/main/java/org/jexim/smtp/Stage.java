package org.jexim.smtp;

import org.jexim.acl.AclResult;
import org.jexim.acl.AclVerdict;

/**
 * An SMTP stage where an ACL runs, with Exim's replies for each verdict: the accept reply,
 * Exim's default refusal texts, and the default verdict when no ACL is configured.
 */
public enum Stage {
    CONNECT(null, AclVerdict.ACCEPT),
    HELO(null, AclVerdict.ACCEPT),
    MAIL(EximTexts.MAIL_OK, AclVerdict.ACCEPT),
    RCPT(EximTexts.RCPT_OK, AclVerdict.DENY),
    PREDATA(EximTexts.DATA_GO, AclVerdict.ACCEPT),
    DATA(null, AclVerdict.ACCEPT);

    private static final String DENIED = "Administrative prohibition";
    private static final String TEMPORARY = "Temporary local problem - please try later";

    private final SmtpReply acceptReply;
    private final AclVerdict unset;

    Stage(SmtpReply acceptReply, AclVerdict unset) {
        this.acceptReply = acceptReply;
        this.unset = unset;
    }

    AclResult defaultResult() {
        return AclResult.of(unset);
    }

    /**
     * Exim's reply for a verdict; for an accept at a stage whose positive reply comes later
     * (CONNECT, HELO, DATA), a 2xx with an empty text, which the caller replaces.
     */
    SmtpReply reply(AclResult result) {
        SmtpReply reply = verdictReply(result);
        // a refused connection is closed after the reply, as Exim does
        return this == CONNECT && !reply.positive() ? reply.closing() : reply;
    }

    private SmtpReply verdictReply(AclResult result) {
        return switch (result.verdict()) {
            case ACCEPT, DISCARD -> acceptReply == null ? SmtpReply.of("250", "")
                    : result.message().filter(m -> acceptReply.code().startsWith("2"))
                        .map(m -> SmtpReply.of(acceptReply.code(), m)).orElse(acceptReply);
            case DENY -> SmtpReply.of("550", result.message().orElse(DENIED));
            case DROP -> SmtpReply.of("550", result.message().orElse(DENIED)).closing();
            case DEFER -> SmtpReply.of("451", result.message().orElse(TEMPORARY));
            case ERROR -> SmtpReply.of("451", TEMPORARY);
        };
    }
}
