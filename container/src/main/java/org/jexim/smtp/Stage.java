package org.jexim.smtp;

import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.jexim.acl.AclResult;
import org.jexim.acl.AclVerdict;

/**
 * An SMTP stage where an ACL runs, with Exim's replies for each verdict: the accept reply
 * (or none, when James's own handler gives it), Exim's default refusal texts, and the
 * default verdict when no ACL is configured.
 */
enum Stage {
    CONNECT(null, AclVerdict.ACCEPT),
    HELO(null, AclVerdict.ACCEPT),
    MAIL("250 OK", AclVerdict.ACCEPT),
    RCPT("250 Accepted", AclVerdict.DENY),
    DATA(null, AclVerdict.ACCEPT);

    private static final String DENIED = "Administrative prohibition";
    private static final String TEMPORARY = "Temporary local problem - please try again later";

    private final String acceptReply;
    private final AclVerdict unset;

    Stage(String acceptReply, AclVerdict unset) {
        this.acceptReply = acceptReply;
        this.unset = unset;
    }

    AclResult defaultResult() {
        return AclResult.of(unset);
    }

    HookResult reply(AclResult result) {
        return switch (result.verdict()) {
            case ACCEPT, DISCARD -> acceptReply == null ? HookResult.DECLINED
                    : reply(HookReturnCode.ok(), acceptReply.substring(0, 3), acceptReply.substring(4));
            case DENY -> reply(HookReturnCode.deny(), "550", result.message().orElse(DENIED));
            case DROP -> reply(HookReturnCode.disconnected(HookReturnCode.Action.DENY), "550",
                    result.message().orElse(DENIED));
            case DEFER -> reply(HookReturnCode.denySoft(), "450", result.message().orElse(TEMPORARY));
            case ERROR -> reply(HookReturnCode.denySoft(), "451", TEMPORARY);
        };
    }

    private static HookResult reply(HookReturnCode code, String smtpCode, String text) {
        return HookResult.builder().hookReturnCode(code).smtpReturnCode(smtpCode).smtpDescription(text).build();
    }
}
