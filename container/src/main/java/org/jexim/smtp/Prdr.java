package org.jexim.smtp;

import java.util.List;
import java.util.function.Consumer;
import org.jexim.acl.AclResult;
import org.jexim.acl.AclVerdict;
import org.jexim.log.EximLog;
import org.jexim.runtime.JeximRuntime;

/**
 * Per-recipient data checks (PRDR, receive.c): for a message whose MAIL asked for PRDR and that
 * has more than one recipient, "353 PRDR content analysis beginning", then acl_smtp_data_prdr
 * (default accept) once per recipient in order, each answered (250, 450 or 550, the ACL's message
 * or "PRDR R=&lt;address&gt; acceptance|temporary refusal|refusal") and logged; a recipient not
 * accepted leaves the message. The final reply names the message id and how many recipients
 * took it; it replaces "250 OK id=" if the DATA ACL then accepts.
 */
final class Prdr {
    private final JeximRuntime runtime;
    private final AclGate gate;

    Prdr(JeximRuntime runtime, AclGate gate) {
        this.runtime = runtime;
        this.gate = gate;
    }

    /** prdr_enable. */
    static boolean enabled(JeximRuntime runtime) {
        return runtime.mainOption("prdr_enable").map(v -> v.strip().equalsIgnoreCase("true") || v.strip().equalsIgnoreCase("yes"))
                .orElse(false);
    }

    /** Whether the checks run for this message: PRDR asked for, and more than one recipient. */
    static boolean applies(boolean requested, SessionState session) {
        return requested && session.recipients().size() > 1;
    }

    /** Runs the checks, sending each reply through {@code send}; the final reply. */
    SmtpReply run(SessionState session, String id, Consumer<SmtpReply> send) {
        String acl = runtime.mainOption("acl_smtp_data_prdr").map(String::strip).orElse("accept");
        send.accept(SmtpReply.of("353", "PRDR content analysis beginning"));
        boolean allPass = true;
        boolean allFail = true;
        for (String recipient : List.copyOf(session.recipients())) {
            // run here, not through gate.decide: PRDR writes its own replies and log lines
            AclResult result = gate.engine().run(Stage.PRDR.where(), acl, session.subject(recipient));
            AclVerdict verdict = result.verdict();
            boolean ok = verdict == AclVerdict.ACCEPT || verdict == AclVerdict.DISCARD;
            String code = ok ? "250" : verdict == AclVerdict.DEFER ? "450" : "550";
            String standard = "PRDR R=<" + recipient + "> "
                    + (ok ? "acceptance" : verdict == AclVerdict.DEFER ? "temporary refusal" : "refusal");
            send.accept(SmtpReply.of(code, result.message().orElse(standard)));
            // the id first, as Exim's lines once the message has one (the server's log has no prefix of its own)
            EximLog.main().main(id + " " + result.logMessage().or(result::message).map(m -> "PRDR " + recipient + " " + m)
                    .orElse(standard));
            allPass &= verdict == AclVerdict.ACCEPT;
            allFail &= !ok && verdict != AclVerdict.DEFER;
            if (verdict != AclVerdict.ACCEPT) {
                session.recipients().remove(recipient);
            }
        }
        return SmtpReply.of(allFail ? "550" : "250", "id=" + id + " message "
                + (allFail ? "rejected for all recipients" : allPass ? "accepted" : "accepted for some recipients"));
    }
}
