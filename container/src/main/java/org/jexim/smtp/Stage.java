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
    DATA(null, AclVerdict.ACCEPT),
    AUTH(null, AclVerdict.ACCEPT);

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

    /**
     * A message may start with its own code ("550 ..." or "421 ..."), used when its first digit
     * is the default's, as Exim allows.
     */
    private static SmtpReply withCode(String code, String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([2-5][0-9][0-9])[ -](.*)", java.util.regex.Pattern.DOTALL)
                .matcher(message);
        if (m.matches() && m.group(1).charAt(0) == code.charAt(0)) {
            return SmtpReply.of(m.group(1), m.group(2));
        }
        return SmtpReply.of(code, message);
    }

    private SmtpReply verdictReply(AclResult result) {
        return switch (result.verdict()) {
            case ACCEPT, DISCARD -> acceptReply == null ? SmtpReply.of(this == CONNECT ? "220" : "250", result.message().orElse(""))
                    : result.message().filter(m -> acceptReply.code().startsWith("2"))
                        .map(m -> withCode(acceptReply.code(), m)).orElse(acceptReply);
            case DENY -> withCode("550", result.message().orElse(DENIED));
            case DROP -> withCode("550", result.message().orElse(DENIED)).closing();
            case DEFER -> withCode("451", result.message().orElse(TEMPORARY));
            case ERROR -> SmtpReply.of("451", TEMPORARY);
        };
    }
}
