package org.jexim.smtp;

import org.jexim.acl.AclResult;
import org.jexim.acl.AclVerdict;
import org.jexim.log.EximLog;
import org.jexim.runtime.JeximRuntime;

/**
 * MAIL's AUTH= parameter as smtp_in.c takes it: $authenticated_sender is set, then
 * acl_smtp_mailauth decides (unset: only an authenticated client's AUTH= counts); a deny
 * ignores the parameter with an "ignoring AUTH=..." main-log line, a defer or error refuses
 * the MAIL command with smtp_handle_acl_fail's reply; a value that is not xtext gets a 501. A
 * value taken from an authenticated client is then dropped if its authenticator's
 * server_mail_auth_condition is false.
 */
final class MailAuthParameter {
    /** smtp_in.c's reply when the parameter is not xtext. */
    static final SmtpReply INVALID = SmtpReply.of("501", "invalid data for AUTH");
    private final JeximRuntime runtime;
    private final AclGate gate;
    private final org.jexim.smtp.auth.ServerAuthenticators authenticators;

    MailAuthParameter(JeximRuntime runtime, AclGate gate) {
        this.runtime = runtime;
        this.gate = gate;
        this.authenticators = org.jexim.smtp.auth.ServerAuthenticators.of(runtime.authenticators());
    }

    /** Null when MAIL goes on (AUTH= taken or ignored), else the reply that ends the command. */
    SmtpReply take(SessionState state, String value) {
        if (value == null || value.equals("<>") || !state.esmtp()) {
            return null;
        }
        String address = org.jexim.conf.text.XText.decode(value).orElse(null);
        if (address == null) {
            return INVALID;
        }
        state.authenticatedSender(address); // as decoded: Exim keeps any <> the client put around it
        String acl = runtime.mainOption(Stage.MAILAUTH.option()).map(String::strip).orElse(null);
        String ignored;
        if (acl == null) {
            if (state.authenticated()) {
                return kept(state);
            }
            ignored = "client not authenticated";
        } else {
            // run here, not through gate.decide: a deny only ignores AUTH= (no "rejected" log line)
            state.effects().senderFailure(null);
            AclResult result = gate.engine().run(Stage.MAILAUTH.where(), acl, state.subject(null));
            if (result.verdict() == AclVerdict.ACCEPT) {
                return kept(state);
            }
            if (result.verdict() != AclVerdict.DENY) {
                state.authenticatedSender(null);
                return gate.refusal(Stage.MAILAUTH, result, state);
            }
            ignored = "rejected by ACL";
        }
        state.authenticatedSender(null);
        EximLog.main().main("ignoring AUTH=" + value + " from " + state.peer().hostField(false) + " (" + ignored + ")");
        return null;
    }

    /** An AUTH= value taken: the authenticating driver's server_mail_auth_condition may still drop it (silently). */
    private SmtpReply kept(SessionState state) {
        if (state.authenticated()) {
            String driver = state.protocolVariable("sender_host_authenticated").orElse("");
            boolean keep = authenticators.named(driver).map(a -> a.keepsMailAuth(state.subject(null))).orElse(true);
            if (!keep) {
                state.authenticatedSender(null);
            }
        }
        return null;
    }
}
