package org.jexim.acl.verify;

import java.util.List;
import org.jexim.acl.AclMessage;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclServices;
import org.jexim.acl.AclSubject;
import org.jexim.acl.RecipientVerifier;
import org.jexim.conf.expand.AddressParser;

/**
 * {@code verify = header_sender}, as Exim's verify_check_header_address(): the addresses of
 * Sender:, then Reply-To:, then From: are verified as senders until one succeeds.
 */
final class HeaderSenderVerification {
    private final AclServices services;

    HeaderSenderVerification(AclServices services) {
        this.services = services;
    }

    AclOutcome verify(AclSubject subject, VerifyOptions options, boolean details) {
        List<String> headers = subject.message().map(AclMessage::headerLines).orElse(List.of());
        RecipientVerifier verifier = services.verifier();
        AclOutcome.Code yield = AclOutcome.Code.FAIL;
        String log = null;
        String user = null;
        boolean calloutDefer = false;
        for (String type : List.of("sender", "reply-to", "from")) {
            for (String h : headers) {
                if (!HeaderAddresses.is(h, List.of(type))) {
                    continue;
                }
                for (String item : HeaderAddresses.items(h)) {
                    String[] err = new String[1];
                    AddressParser.Parsed p = AddressParser.extract(item, err);
                    if (p == null && "empty address".equals(err[0])) {
                        continue;
                    }
                    if (p == null) {
                        log = "syntax error in '" + HeaderAddresses.name(h) + ":' header when scanning for sender: "
                                + err[0] + " in \"" + item + "\"";
                        return finish(AclOutcome.Code.FAIL, user, log, options, false, details);
                    }
                    if (verifier == null) {
                        return AclOutcome.defer("sender verification is not available here");
                    }
                    RecipientVerifier.Verification v = verifier.verify(p.address(), true, options.calloutRequest(),
                            subject);
                    subject.set("sender_verify_failure", v.outcome() == RecipientVerifier.Outcome.OK ? null : v.failure());
                    if (v.outcome() == RecipientVerifier.Outcome.OK) {
                        return AclOutcome.TRUE;
                    }
                    if (details) {
                        user = "Rejected after DATA: could not verify \"" + HeaderAddresses.name(h)
                                + ":\" header address\n" + p.address() + ": " + v.message();
                    }
                    if (v.outcome() == RecipientVerifier.Outcome.DEFER) {
                        yield = AclOutcome.Code.DEFER;
                        calloutDefer |= v.calloutDefer();
                    }
                }
            }
        }
        if (yield == AclOutcome.Code.FAIL && log == null) {
            log = "there is no valid sender in any header line";
        }
        if (yield == AclOutcome.Code.DEFER && log == null) {
            log = "all attempts to verify a sender in a header line deferred";
        }
        return finish(yield, user, log, options, calloutDefer, details);
    }

    private static AclOutcome finish(AclOutcome.Code rc, String user, String log, VerifyOptions options,
                                     boolean calloutDefer, boolean details) {
        if (rc == AclOutcome.Code.DEFER && (options.deferOk || options.calloutDeferOk && calloutDefer)) {
            return AclOutcome.TRUE;
        }
        String u = user;
        if (u == null && details && log != null) {
            u = "Rejected after DATA: " + log;
        }
        return new AclOutcome(rc, u, log, rc == AclOutcome.Code.DEFER && details);
    }
}
