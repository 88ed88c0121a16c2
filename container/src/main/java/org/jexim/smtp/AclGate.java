package org.jexim.smtp;

import java.util.Optional;
import org.jexim.acl.AclEngine;
import org.jexim.acl.AclResult;
import org.jexim.acl.AclSubject;
import org.jexim.acl.AclVerdict;
import org.jexim.acl.SenderVerifyFailure;
import org.jexim.log.EximLog;
import org.jexim.runtime.JeximRuntime;

/**
 * Runs the ACL of one SMTP stage and words Exim's reply, as smtp_in.c's acl_check() callers and
 * smtp_handle_acl_fail() do: the refusal code (with a code given in the message), the
 * "Verification failed for" lines of a failed sender verification, the temporary-failure text
 * when no details may be shown, and the main/reject log lines. The server's hooks and -bh both
 * go through here, so they cannot answer differently.
 */
public final class AclGate {
    private static final String DENIED = "Administrative prohibition";
    private static final String TEMPORARY = "Temporary local problem - please try later";
    private final AclEngine engine;

    public AclGate(JeximRuntime runtime) {
        this(AclEngines.of(runtime));
    }

    public AclGate(AclEngine engine) {
        this.engine = engine;
    }

    public AclEngine engine() {
        return engine;
    }

    /**
     * The reply to the command at {@code stage}; {@code acl} is the ACL option's value, or
     * null when it is unset (Exim's default for the stage applies).
     */
    public SmtpReply check(Stage stage, String acl, SessionState session, String recipient) {
        return decide(stage, acl, session, recipient).reply();
    }

    /** The reply, the verdict, and what the ACL run saw (its subject, for the caller's follow-up). */
    public Decision decide(Stage stage, String acl, SessionState session, String recipient) {
        AclSubject subject = session.subject(recipient);
        AclResult result;
        Stage refusedAt = stage;
        boolean nobody = stage == Stage.DATA && session.recipients().isEmpty() && !session.discarded().isEmpty();
        ContentChecks.Refusal content = stage == Stage.DATA && !nobody
                ? ContentChecks.beforeData(engine, subject, session.effects()) : null;
        if (nobody) {
            // every recipient was discarded: Exim runs no DATA, MIME or DKIM ACL and blackholes the message
            result = AclResult.of(AclVerdict.ACCEPT);
            session.blackhole("(" + (session.mailDiscarded() ? "MAIL" : "RCPT") + " ACL discarded recipients)");
        } else if (stage == Stage.RCPT && session.mailDiscarded()) {
            result = AclResult.of(AclVerdict.DISCARD); // the MAIL ACL discarded them all: no RCPT ACL
        } else if (content != null) {
            // a MIME or DKIM ACL refused: the DATA ACL does not run, as in Exim
            result = content.result();
            refusedAt = content.stage();
        } else if (acl == null) {
            result = AclResult.of(stage.unsetRefuses() ? AclVerdict.DENY : AclVerdict.ACCEPT);
        } else {
            session.effects().senderFailure(null);
            result = engine.run(stage.where(), acl, subject);
        }
        if (result.verdict() == AclVerdict.DISCARD) {
            discarded(stage, session, result, recipient);
        }
        boolean noMultiline = session.effects().has("no_multiline_responses");
        SmtpReply reply;
        switch (result.verdict()) {
            case ACCEPT, DISCARD -> reply = accepted(stage, result, noMultiline);
            default -> reply = refused(refusedAt, result, session, recipient, noMultiline);
        }
        if (result.verdict() == AclVerdict.DROP) {
            session.ending("acl-drop");
        }
        return new Decision(reply, result.verdict(), result, subject);
    }

    /** What a discard means at each stage, and the log line of a discarded RCPT, as smtp_in.c and receive.c. */
    private static void discarded(Stage stage, SessionState session, AclResult result, String recipient) {
        String log = session.mailDiscarded() && stage == Stage.RCPT ? session.mailDiscardLog()
                : result.logMessage().orElse(null);
        switch (stage) {
            case MAIL -> session.mailDiscarded(log);
            case RCPT -> {
                session.discarded().add(recipient);
                EximLog main = EximLog.main();
                String argument = session.subject(null).variable("smtp_command_argument").filter(a -> !a.isEmpty())
                        .orElse("<" + recipient + ">");
                main.main(session.peer().hostField(main.selector().has("incoming_port"))
                        + session.peer().ident().map(u -> " U=" + u).orElse("")
                        + " F=<" + session.sender() + "> RCPT " + argument + ": discarded by "
                        + (session.mailDiscarded() ? "MAIL" : "RCPT") + " ACL"
                        + (log == null || log.isEmpty() ? "" : ": " + log));
            }
            case DATA -> session.blackhole("(DATA ACL discarded recipients)" + (log == null ? "" : ": " + log));
            default -> {
            }
        }
    }

    /** The reply (and log lines) of a refusing {@code result} the caller got from {@link #engine()} itself. */
    SmtpReply refusal(Stage stage, AclResult result, SessionState session) {
        return refused(stage, result, session, null, session.effects().has("no_multiline_responses"));
    }

    /** What {@link #decide} found. */
    public record Decision(SmtpReply reply, AclVerdict verdict, AclResult result, AclSubject subject) {
        public boolean discarded() {
            return verdict == AclVerdict.DISCARD;
        }
    }

    /** A 2xx reply: the stage's own, or the ACL's message as its text (for a caller to use where it belongs). */
    private static SmtpReply accepted(Stage stage, AclResult result, boolean noMultiline) {
        SmtpReply own = stage.acceptReply();
        String code = own == null ? (stage == Stage.CONNECT ? "220" : "250") : own.code();
        if (result.message().isEmpty()) {
            return own == null ? SmtpReply.of(code, "") : own;
        }
        return SmtpResponse.of(code, result.message().get(), true, noMultiline);
    }

    /** Exim's smtp_handle_acl_fail(). */
    private static SmtpReply refused(Stage stage, AclResult result, SessionState session, String recipient,
                                     boolean noMultiline) {
        boolean drop = result.verdict() == AclVerdict.DROP;
        boolean fail = result.verdict() == AclVerdict.DENY || drop;
        String code = fail ? stage.where().refusalCode() : "451";
        String userMessage = result.message().orElse(null);
        StringBuilder prelim = new StringBuilder();
        SenderVerifyFailure sv = session.effects().senderFailure();
        if (sv != null && !sv.told()) {
            sv.tell();
            logSenderVerify(session, sv);
            if (fail && sv.userMessage() != null) {
                String text = sv.postmaster()
                        ? "Postmaster verification failed while checking <" + sv.address() + ">\n" + sv.userMessage()
                            + "\nSeveral RFCs state that you are required to have a postmaster\n"
                            + "mailbox for each mail domain. This host does not accept mail\n"
                            + "from domains whose servers reject the postmaster address."
                        : sv.callbackSetup()
                        ? "Callback setup failed while verifying <" + sv.address() + ">\n" + sv.userMessage()
                            + "\nThe initial connection, or a HELO or MAIL FROM:<> command was\n"
                            + "rejected. Refusing MAIL FROM:<> does not help fight spam, disregards\n"
                            + "RFC requirements, and stops you from receiving standard bounce\n"
                            + "messages. This host does not accept mail from domains whose servers\n"
                            + "refuse bounces."
                        : "Verification failed for <" + sv.address() + ">\n" + sv.userMessage();
                prelim.append(text);
            }
        }
        SmtpReply reply;
        if (fail) {
            reply = SmtpResponse.of(code, userMessage == null ? DENIED : userMessage, stage != Stage.VRFY, noMultiline);
        } else if (result.tempDetails() && userMessage != null) {
            reply = SmtpResponse.of(code, userMessage, true, noMultiline);
        } else {
            reply = SmtpReply.of(code, TEMPORARY);
        }
        if (prelim.length() > 0 && !noMultiline) {
            reply = SmtpReply.of(reply.code(), SmtpResponse.lines(escOf(reply), prelim.toString(), false)
                    + "\n" + reply.text());
        }
        log(stage, session, recipient, result, fail);
        // a refused connection is closed after the reply, as after a drop
        return drop || stage == Stage.CONNECT ? reply.closing() : reply;
    }

    /** "H=... sender verify fail for <ADDR>: MESSAGE" (defer), main and reject logs, before the refusal's line. */
    private static void logSenderVerify(SessionState session, SenderVerifyFailure sv) {
        EximLog log = EximLog.main();
        String line = session.peer().hostField(log.selector().has("incoming_port"))
                + session.peer().ident().map(u -> " U=" + u).orElse("")
                + " sender verify " + (sv.deferred() ? "defer" : "fail") + " for <" + sv.address() + ">"
                + (sv.message() == null ? "" : ": " + sv.message());
        log.main(line);
        log.reject(line);
    }

    /** The enhanced status code a reply's lines carry, to repeat on preliminary lines. */
    private static String escOf(SmtpReply reply) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d\\.\\d{1,3}\\.\\d{1,3} )").matcher(reply.text());
        return m.find() ? m.group(1) : "";
    }

    /** The main and reject log lines Exim writes for a refusal at this stage (log_reject_target may change them). */
    private static void log(Stage stage, SessionState session, String recipient, AclResult result, boolean fail) {
        String target = session.effects().control("log_reject_target").orElse("main:reject");
        if (target.isEmpty()) {
            return;
        }
        String text = result.logMessage().or(() -> result.message()).orElse(null);
        if (text != null && text.indexOf('\n') >= 0) {
            text = text.substring(0, text.indexOf('\n'));
        }
        EximLog log = EximLog.main();
        boolean temporary = !fail;
        Optional<String> sender = Optional.ofNullable(session.sender());
        String what = switch (stage) {
            case RCPT -> "RCPT " + session.commandData().orElse("<" + recipient + ">");
            case MAIL -> "MAIL " + session.commandData().orElse("<" + session.sender() + ">");
            case CONNECT -> "connection in \"connect\" ACL";
            case HELO -> "EHLO or HELO " + (session.helo() == null ? "" : session.helo());
            case PREDATA -> "DATA";
            case DATA -> "after DATA";
            case MIME -> "during MIME ACL checks";
            case PRDR -> "after DATA PRDR";
            default -> stage.where().eximName() + " " + session.subject(null).variable("smtp_command_argument").orElse("");
        };
        boolean withSender = stage == Stage.RCPT || stage == Stage.DATA || stage == Stage.MIME;
        String id = session.messageId();
        if (id != null && (stage == Stage.DATA || stage == Stage.MIME || stage == Stage.PRDR)) {
            // once DATA has a message id, Exim's log lines start with it
            if (stage == Stage.DATA && !temporary) {
                log.rejectedAfterData(id, session.peer(), session.sender(), session.recipients(),
                        session.message().map(org.jexim.acl.AclMessage::headerLines).orElse(java.util.List.of()), text);
                return;
            }
            String line = id + " " + session.peer().hostField(log.selector().has("incoming_port"))
                    + session.peer().ident().map(u -> " U=" + u).orElse("")
                    + sender.filter(x -> withSender).map(x -> " F=<" + x + ">").orElse("")
                    + (temporary ? " temporarily rejected " : " rejected ") + what + (text == null ? "" : ": " + text);
            log.main(line);
            log.reject(line);
            return;
        }
        log.rejected(session.peer(), withSender ? sender : Optional.empty(), what, text, temporary);
    }
}
