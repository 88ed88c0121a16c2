package org.jexim.acl.verify;

import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclServices;
import org.jexim.acl.AclSubject;
import org.jexim.acl.CalloutRequest;
import org.jexim.acl.RecipientVerifier;
import org.jexim.acl.SenderVerifyFailure;

/**
 * {@code verify = recipient}, {@code verify = sender[=ADDR]} and {@code verify = header_sender}
 * after their options are read: routes the address through the {@link RecipientVerifier}
 * (with a callout when asked), applies defer_ok / callout_defer_ok, and sets the messages,
 * $sender_verify_failure / $recipient_verify_failure and the failed sender for the reply, as
 * the end of Exim's acl_verify() does.
 */
final class AddressVerification {
    private final AclServices services;

    AddressVerification(AclServices services) {
        this.services = services;
    }

    AclOutcome recipient(AclSubject subject, VerifyOptions options) {
        RecipientVerifier verifier = services.verifier();
        if (verifier == null) {
            return AclOutcome.defer("recipient verification is not available here");
        }
        String address = subject.recipient() == null ? "" : subject.recipient();
        RecipientVerifier.Verification v = verifier.verify(address, false, options.calloutRequest(), subject);
        subject.set("recipient_verify_failure", v.outcome() == RecipientVerifier.Outcome.OK ? null : v.failure());
        String user = v.userMessage() != null ? v.userMessage() : v.message();
        AclOutcome.Code rc = code(v);
        if (rc == AclOutcome.Code.DEFER && (options.deferOk || options.calloutDeferOk && v.calloutDefer())) {
            rc = AclOutcome.Code.OK;
        }
        AclOutcome outcome = new AclOutcome(rc, user, v.message(), v.calloutDefer());
        return outcome;
    }

    /** {@code real}: the address is the envelope sender itself, not one given with sender=. */
    AclOutcome sender(String address, boolean real, AclSubject subject, VerifyOptions options) {
        if (options.useSender || options.usePostmaster) {
            return AclOutcome.error("use_sender or use_postmaster cannot be used for a sender verify callout");
        }
        CalloutRequest callout = options.calloutRequest();
        SenderVerifyFailure failure = subject.effects().cachedSenderFailure(address);
        AclOutcome.Code rc;
        boolean calloutDefer = false;
        if (callout == null && (failure != null || subject.effects().senderVerified(address))) {
            rc = failure == null ? AclOutcome.Code.OK : failure.deferred() ? AclOutcome.Code.DEFER : AclOutcome.Code.FAIL;
        } else if (address.isEmpty()) {
            rc = AclOutcome.Code.OK; // the null sender cannot be verified
            failure = null;
        } else {
            RecipientVerifier verifier = services.verifier();
            if (verifier == null) {
                return AclOutcome.defer("sender verification is not available here");
            }
            RecipientVerifier.Verification v = verifier.verify(address, true, callout, subject);
            rc = code(v);
            calloutDefer = v.calloutDefer();
            failure = rc == AclOutcome.Code.OK ? null
                    : new SenderVerifyFailure(address, v.message(), v.userMessage() != null ? v.userMessage() : v.message(),
                            rc == AclOutcome.Code.DEFER,
                            v.postmasterFailed(), v.setupFailed(), options.noDetails);
            subject.set("sender_verify_failure", failure == null ? null : v.failure());
            subject.effects().senderChecked(address, failure);
        }
        if (rc == AclOutcome.Code.DEFER && (options.deferOk || options.calloutDeferOk && calloutDefer)) {
            rc = AclOutcome.Code.OK;
        }
        if (rc == AclOutcome.Code.OK) {
            return AclOutcome.TRUE;
        }
        subject.effects().senderFailure(failure);
        if (rc != AclOutcome.Code.DEFER) {
            return new AclOutcome(rc, "Sender verify failed", "Sender verify failed");
        }
        if (!calloutDefer) {
            return new AclOutcome(rc, "Could not complete sender verify", "Could not complete sender verify");
        }
        String log = "Could not complete sender verify callout";
        boolean details = services.option("smtp_return_error_details").map(x -> x.equals("true")).orElse(false);
        return new AclOutcome(rc, details && failure != null ? failure.userMessage() : log, log, true);
    }

    /** verify = header_sender: each address of Sender:, Reply-To:, From: until one verifies. */
    AclOutcome headerSender(AclSubject subject, VerifyOptions options, boolean returnDetails) {
        return new HeaderSenderVerification(services).verify(subject, options, returnDetails);
    }

    private static AclOutcome.Code code(RecipientVerifier.Verification v) {
        return switch (v.outcome()) {
            case OK -> AclOutcome.Code.OK;
            case FAIL -> AclOutcome.Code.FAIL;
            case DEFER -> AclOutcome.Code.DEFER;
        };
    }
}
